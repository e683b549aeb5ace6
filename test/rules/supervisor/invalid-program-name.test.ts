import { invalidProgramName } from '../../../src/rules/supervisor/invalid-program-name.js';
import { testRule } from '../../helpers/rule-tester.js';

const conf = (text: string) => ({ 'supervisord.conf': text });

testRule(invalidProgramName, {
  valid: [
    { files: conf('[program:my_app-1.2]\ncommand=/bin/true\n') },
    { name: 'unexpanded group name is checked as written', files: conf('[program:a]\ncommand=/bin/true\n[group:%(x)s]\nprograms=a\n') },
    { name: 'process_name is checked before expansion', files: conf('[program:a]\ncommand=/bin/true\nprocess_name=%(program_name)s\n') },
  ],
  invalid: [
    { name: 'space', files: conf('[program:my app]\ncommand=/bin/true\n'), errors: [{ message: "Invalid name: 'my app' because of character: ' '", line: 1 }] },
    { name: 'slash', files: conf('[program:a/b]\ncommand=/bin/true\n'), errors: [{ message: "Invalid name: 'a/b' because of character: '/'" }] },
    { name: 'colon in a group name', files: conf('[program:a]\ncommand=/bin/true\n[group:g:1]\nprograms=a\n'), errors: [{ message: "Invalid name: 'g:1' because of character: ':'" }] },
    {
      name: 'process_name with a colon',
      files: conf('[program:a]\ncommand=/bin/true\nprocess_name=a:%(process_num)s\n'),
      errors: [{ message: "Invalid name: 'a:%(process_num)s' because of character: ':' in section 'program:a'", line: 3 }],
    },
    { name: 'a program inside a group is reported in its section', files: conf('[program:x y]\ncommand=/bin/true\n[group:g]\nprograms=x y\n'), errors: [{ message: /because of character: ' ' in section 'program:x y'$/ }] },
  ],
});
