import { parseError } from '../../../src/rules/supervisor/parse-error.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(parseError, {
  valid: [
    { name: 'key = value, key: value, comments, continuation', files: conf('; comment\n# comment\n[program:web]\ncommand = /bin/sleep\n    100\nautostart: true ; inline\n\n[group:g]\nprograms=web\n') },
    { name: 'indented section header at the top', files: conf('        [program:web]\n        command=/bin/sleep 100\n') },
    { name: 'CRLF line ends', files: conf('[program:web]\r\ncommand=/bin/sleep 100\r\n') },
  ],
  invalid: [
    {
      name: 'a bare key (ParsingError, worded like Python)',
      files: conf('[program:web]\ncommand=/bin/sleep 100\nautostart\n'),
      errors: [{ message: "Source contains parsing errors: [line  3]: 'autostart\\n'", line: 3, column: 1, endColumn: 10 }],
    },
    {
      name: 'every bad line is reported',
      files: conf('[program:web]\nfoo\ncommand=/bin/true\nbar baz\n'),
      errors: [{ line: 2 }, { line: 4, message: /\[line  4\]: 'bar baz\\n'$/ }],
    },
    {
      name: 'a value without a key',
      files: conf('[program:web]\n= /bin/true\n'),
      errors: [{ line: 2, message: /\[line  2\]: '= \/bin\/true\\n'/ }],
    },
    {
      name: 'settings before the first section',
      files: conf('command=/bin/true\n[program:web]\n'),
      errors: [{ message: 'File contains no section headers.', line: 1 }],
    },
    {
      name: 'a UTF-8 byte-order mark hides the first header',
      files: conf('\ufeff[program:web]\ncommand=/bin/true\n'),
      errors: [{ message: 'File contains no section headers.', line: 1 }],
    },
    {
      name: 'an included file is read the same way',
      files: { 'supervisord.conf': '[supervisord]\n[include]\nfiles=conf.d/*.conf\n', 'conf.d/web.conf': '[program:web]\ncommand=/bin/true\nstartsecs\n' },
      errors: [{ file: 'conf.d/web.conf', line: 3 }],
    },
  ],
});
