import { badEnvironment } from '../../../src/rules/supervisor/bad-environment.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (v: string) => ({ 'supervisord.conf': `[program:w]\ncommand=/bin/true\nenvironment=${v}\n` });

testRule(badEnvironment, {
  valid: [
    { files: conf('A="quoted, with comma",B=plain,C=\'single\',D="has#hash"') },
    { name: 'continuation lines', files: conf('\n    A=1,\n    B=2') },
    { files: conf('PATH=/srv/venv/bin:/usr/bin,DJANGO_SETTINGS_MODULE=app.settings') },
    { name: 'values supervisord cannot see are not judged', files: conf('A=%(ENV_X)s') },
  ],
  invalid: [
    { files: conf('A=1,B'), errors: [{ message: "Unexpected end of key/value pairs in value 'A=1,B' in section 'program:w'", line: 3 }] },
    { name: 'an unquoted @ (a URL with credentials)', files: conf('DATABASE_URL=postgres://u:p@db/app'), errors: [{ message: /^Unexpected end of key\/value pairs in value 'DATABASE_URL=postgres:\/\/u:p@db\/app'/ }] },
    { name: 'space-separated pairs', files: conf('A=1 B=2'), errors: [{ message: /Unexpected end of key\/value pairs/ }] },
    { name: 'non-ASCII letters must be quoted', files: conf('CITY=Zürich,A=1'), errors: [{ message: /Unexpected end/ }] },
    {
      name: "' #' inside quotes starts a comment first (FACTS §11)",
      files: conf('A="has #hash"'),
      errors: [{ message: "No closing quotation in section 'program:w'" }],
    },
    { name: '[supervisord] environment (unwrapped)', files: { 'supervisord.conf': '[supervisord]\nenvironment=A=1,B\n' }, errors: [{ message: "Unexpected end of key/value pairs in value 'A=1,B'" }] },
  ],
});
