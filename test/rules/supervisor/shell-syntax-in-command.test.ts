import { shellSyntaxInCommand } from '../../../src/rules/supervisor/shell-syntax-in-command.js';
import { testRule } from '../../helpers/rule-tester.js';

const cmd = (c: string) => ({ 'supervisord.conf': `[program:w]\ncommand=${c}\n` });

testRule(shellSyntaxInCommand, {
  valid: [
    { files: cmd('/srv/venv/bin/gunicorn app.wsgi:application --bind 127.0.0.1:8000') },
    { name: 'operators inside single quotes (bash -c)', files: cmd("/bin/bash -c 'cd /srv/app && exec gunicorn app:app > /tmp/x 2>&1'") },
    { name: 'a semicolon inside an argument', files: cmd('/usr/bin/python3 argv.py a;b c') },
    { name: "' ;' is a comment, stripped before", files: cmd('/bin/sleep 100 ; run forever') },
    { name: 'supervisor expansions', files: cmd('/bin/echo %(ENV_HOME)s %(program_name)s') },
    { name: 'a regex argument', files: cmd('/usr/bin/grep -E a|b /tmp/x') },
    { name: 'a dollar that is not a variable', files: cmd('/bin/echo $5 costs') },
  ],
  invalid: [
    {
      files: cmd('cd /srv/app && /srv/venv/bin/gunicorn app:app'),
      errors: [{ message: 'command uses shell syntax (`&&`) but supervisord runs it without a shell', line: 2, column: 21, endColumn: 23 }],
    },
    { name: 'redirections', files: cmd('/srv/venv/bin/gunicorn app:app >> /var/log/app.log 2>&1'), errors: [{ message: /\(`>>`, `2>&1`\)/ }] },
    { name: 'a pipe', files: cmd('/usr/bin/tail -f /var/log/x | /usr/bin/logger'), errors: [{ message: /\(`\|`\)/ }] },
    { name: 'variables, also inside double quotes', files: cmd('/srv/venv/bin/gunicorn --bind "0.0.0.0:$PORT" app:app'), errors: [{ message: /\(`\$PORT`\)/ }] },
    { name: '${VAR} and $(cmd)', files: cmd('/bin/echo ${HOME} $(hostname)'), errors: [{ message: /\(`\$\{HOME\}`, `\$\(…\)`\)/ }] },
    { name: 'a leading VAR=value', files: cmd('DJANGO_SETTINGS_MODULE=app.settings /srv/venv/bin/gunicorn app:app'), errors: [{ message: /\(`VAR=value`\)/, column: 9 }] },
    { name: 'tilde', files: cmd('~/venv/bin/gunicorn app:app'), errors: [{ message: /\(`~`\)/ }] },
    { name: 'a trailing semicolon', files: cmd('/bin/true; /bin/false'), errors: [{ message: /\(`;`\)/ }] },
    { name: 'background &', files: cmd('/usr/sbin/nginx &'), errors: [{ message: /\(`&`\)/ }] },
  ],
});
