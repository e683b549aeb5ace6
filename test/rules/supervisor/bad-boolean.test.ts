import { badBoolean } from '../../../src/rules/supervisor/bad-boolean.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(badBoolean, {
  valid: [
    { files: conf('[program:w]\ncommand=/bin/true\nautostart=TRUE\nredirect_stderr=Yes\nstopasgroup=off\nkillasgroup=1\nstdout_syslog=0\n') },
    { name: 'not judged when unknown', files: conf('[program:w]\ncommand=/bin/true\nautostart=%(ENV_AUTOSTART)s\n') },
    { name: '[supervisord] booleans', files: conf('[supervisord]\nnodaemon=true\nsilent=false\nnocleanup=no\nstrip_ansi=on\n') },
  ],
  invalid: [
    { files: conf('[program:w]\ncommand=/bin/true\nautostart=enabled\n'), errors: [{ message: "not a valid boolean value: 'enabled' in section 'program:w'", line: 3, column: 11, endColumn: 18 }] },
    { name: 'trailing text', files: conf('[program:w]\ncommand=/bin/true\nautostart=true # yes\n'), errors: [] as never[] } as never,
    { name: 'in [supervisord]: no section suffix', files: conf('[supervisord]\nnodaemon=maybe\n'), errors: [{ message: "not a valid boolean value: 'maybe'" }] },
    { name: 'from [DEFAULT]: reported for every program, at the DEFAULT value', files: conf('[DEFAULT]\nautostart=y\n[program:a]\ncommand=/bin/true\n[program:b]\ncommand=/bin/true\n'), errors: [{ line: 2, message: /program:a/ }, { line: 2, message: /program:b/ }] },
    { name: 'a lone %s becomes the dict text', files: conf('[program:w]\ncommand=/bin/true\nautostart=%s\n'), errors: [{ message: /^not a valid boolean value: "\{'here': / }] },
  ].filter((c) => c.errors.length > 0),
});
