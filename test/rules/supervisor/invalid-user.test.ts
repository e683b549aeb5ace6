import { invalidUser } from '../../../src/rules/supervisor/invalid-user.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(invalidUser, {
  valid: [
    { files: conf('[program:w]\ncommand=/bin/true\nuser=root\n') },
    { name: 'a uid', files: conf('[program:w]\ncommand=/bin/true\nuser=0\n') },
    { name: '--no-fs', files: conf('[program:w]\ncommand=/bin/true\nuser=nosuchuser_stacklint\n'), config: (c) => (c.hostChecks = false) },
    {
      name: "the target host's /etc/passwd through the path map",
      files: { 'supervisord.conf': '[program:w]\ncommand=/bin/true\nuser=deploy\n', 'host/passwd': 'root:x:0:0::/root:/bin/sh\ndeploy:x:1000:1000::/home/deploy:/bin/sh\n' },
      config: (c, dir) => c.map.push({ from: '/etc/passwd', to: `${dir}/host/passwd` }),
    },
    { name: 'unknown value', files: conf('[program:w]\ncommand=/bin/true\nuser=%(ENV_APP_USER)s\n') },
  ],
  invalid: [
    { files: conf('[program:w]\ncommand=/bin/true\nuser=nosuchuser_stacklint\n'), errors: [{ message: "Invalid user name nosuchuser_stacklint in section 'program:w'", line: 3 }] },
    { name: 'a uid nobody has', files: conf('[program:w]\ncommand=/bin/true\nuser=99999\n'), errors: [{ message: "Invalid user id 99999 in section 'program:w'" }] },
    { name: '[supervisord] user', files: conf('[supervisord]\nuser=nosuchuser_stacklint\n'), errors: [{ message: 'Invalid user name nosuchuser_stacklint' }] },
    { name: 'socket chown', files: conf('[supervisord]\n[unix_http_server]\nfile=/tmp/s.sock\nchown=nosuchuser_stacklint:root\n'), errors: [{ message: 'Invalid sockchown value nosuchuser_stacklint:root' }] },
    {
      name: 'not in the mapped /etc/passwd',
      files: { 'supervisord.conf': '[program:w]\ncommand=/bin/true\nuser=www-data\n', 'host/passwd': 'root:x:0:0::/root:/bin/sh\n' },
      config: (c, dir) => c.map.push({ from: '/etc/passwd', to: `${dir}/host/passwd` }),
      errors: [{ message: /Invalid user name www-data/ }],
    },
  ],
});
