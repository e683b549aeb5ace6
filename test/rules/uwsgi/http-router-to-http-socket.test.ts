import { httpRouterToHttpSocket } from '../../../src/rules/uwsgi/http-router-to-http-socket.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(httpRouterToHttpSocket, {
  valid: [
    { name: 'router in front of a uwsgi socket', files: { 'uwsgi.ini': '[uwsgi]\nplugins = python3,http\nhttp = :8000\nsocket = 127.0.0.1:3031\n' } },
    { name: 'router alone (it makes its own socket)', files: { 'uwsgi.ini': '[uwsgi]\nplugins = http\nhttp = :8000\n' } },
    { name: 'http-socket alone', files: { 'uwsgi.ini': '[uwsgi]\nhttp-socket = :8000\n' } },
    { name: 'router with http-to', files: { 'uwsgi.ini': '[uwsgi]\nplugins = http\nhttp = :8000\nhttp-to = 127.0.0.1:3031\nhttp-socket = 127.0.0.1:8001\n' } },
  ],
  invalid: [
    {
      files: { 'uwsgi.ini': '[uwsgi]\nplugins = python3,http\nhttp = :18104\nhttp-socket = 127.0.0.1:18105\n' },
      errors: [{ message: 'the http router forwards to socket #0, "http-socket = 127.0.0.1:18105", which speaks HTTP, not uwsgi', line: 3, related: [{ line: 4 }] }],
    },
    {
      name: 'socket with protocol = http',
      files: { 'uwsgi.ini': '[uwsgi]\nplugins = http\nhttp = :8000\nsocket = 127.0.0.1:8001\nprotocol = http\n' },
      errors: [{ message: /socket #0, "socket = 127\.0\.0\.1:8001"/ }],
    },
  ],
});
