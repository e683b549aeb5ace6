import { relativePathWithoutDirectory } from '../../../src/rules/supervisor/relative-path-without-directory.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(relativePathWithoutDirectory, {
  valid: [
    { files: conf('[program:w]\ncommand=/srv/venv/bin/python /srv/app/manage.py runserver\n') },
    { name: 'with directory=', files: conf('[program:w]\ncommand=/srv/venv/bin/python manage.py runserver\ndirectory=/srv/app\n') },
    { name: 'module names and addresses', files: conf('[program:w]\ncommand=/srv/venv/bin/gunicorn app.wsgi:application --bind 127.0.0.1:8000 -k uvicorn.workers.UvicornWorker\n') },
    { name: 'uWSGI socket forms', files: conf('[program:w]\ncommand=/usr/bin/uwsgi --socket unix:/run/app.sock --http :8000\n') },
    { name: 'a command on PATH', files: conf('[program:w]\ncommand=celery -A app worker\n') },
  ],
  invalid: [
    { files: conf('[program:w]\ncommand=/srv/venv/bin/python manage.py runserver\n'), errors: [{ message: "relative path 'manage.py' in command, but the program has no directory=", line: 2, column: 30, endColumn: 39 }] },
    { name: 'an option value', files: conf('[program:w]\ncommand=/usr/bin/uwsgi --ini=conf/uwsgi.ini\n'), errors: [{ message: /relative path 'conf\/uwsgi\.ini'/ }] },
    { name: 'a relative program path, even with directory=', files: conf('[program:w]\ncommand=venv/bin/gunicorn app:app\ndirectory=/srv/app\n'), errors: [{ message: "relative command path 'venv/bin/gunicorn'", column: 9 }] },
  ],
});
