import { fileEncoding } from '../../../src/rules/uwsgi/file-encoding.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(fileEncoding, {
  valid: [{ files: { 'uwsgi.ini': '[uwsgi]\nmaster = true\n' } }, { name: 'non-ASCII UTF-8', files: { 'uwsgi.ini': '[uwsgi]\n# 指定项目的路径\nchdir = /srv/app\n' } }],
  invalid: [
    {
      name: 'a BOM before the section header',
      files: { 'uwsgi.ini': '\uFEFF[uwsgi]\nmaster = true\n' },
      errors: [{ message: 'the file starts with a UTF-8 byte-order mark, so uWSGI does not see the section header "[uwsgi]"', line: 1 }],
    },
    {
      name: 'a binary file included',
      files: { 'uwsgi.ini': '[uwsgi]\nini = %dblob.ini\n', 'blob.ini': '\0\x01\x02[uwsgi]\0' },
      errors: [{ message: /^".*blob\.ini" is a binary file/, line: 2, column: 7 }],
    },
  ],
});
