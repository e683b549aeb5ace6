import { publicUwsgiSocket } from '../../../src/rules/uwsgi/public-uwsgi-socket.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(publicUwsgiSocket, {
  valid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nsocket = 127.0.0.1:3031\n' } },
    { name: 'unix socket', files: { 'uwsgi.ini': '[uwsgi]\nsocket = /run/uwsgi/app.sock\n' } },
    { name: 'HTTP socket on all interfaces (a web server)', files: { 'uwsgi.ini': '[uwsgi]\nhttp-socket = :8000\n' } },
    { name: 'socket speaking http', files: { 'uwsgi.ini': '[uwsgi]\nsocket = 0.0.0.0:8000\nprotocol = http\n' } },
  ],
  invalid: [
    { files: { 'uwsgi.ini': '[uwsgi]\nsocket = :3031\n' }, errors: [{ message: 'the uwsgi socket ":3031" listens on every interface', line: 2, column: 10 }] },
    { name: '0.0.0.0', files: { 'uwsgi.ini': '[uwsgi]\nuwsgi-socket = 0.0.0.0:8000\n' }, errors: [{ message: /"0\.0\.0\.0:8000"/ }] },
    {
      name: 'seed 000: --uwsgi on a supervisor command line',
      files: { 'supervisord.conf': '[program:crm]\ncommand=/opt/venv/bin/uwsgi --uwsgi 0.0.0.0:9000 --chdir=/opt/s13crm --module=s13crm.wsgi\n' },
      errors: [{ message: 'the uwsgi socket "0.0.0.0:9000" listens on every interface', line: 2, column: 37 }],
    },
  ],
});
