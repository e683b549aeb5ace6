import { invalidIfCondition } from '../../../src/rules/nginx/invalid-if-condition.js';
import { testRule } from '../../helpers/rule-tester.js';

const wrap = (cond: string) => `events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n        location / {\n            if ${cond} { return 403; }\n        }\n    }\n}\n`;

testRule(invalidIfCondition, {
  valid: [
    { name: 'variable', files: { 'nginx.conf': wrap('($arg_x)') } },
    { name: 'spaces inside the parentheses', files: { 'nginx.conf': wrap('( $arg_x )') } },
    { name: 'comparison', files: { 'nginx.conf': wrap('($request_method != GET)') } },
    { name: 'empty string', files: { 'nginx.conf': wrap('($http_referer = "")') } },
    { name: 'regex operators', files: { 'nginx.conf': wrap('($uri ~* "\\.(php|asp)$")') } },
    { name: 'negated regex', files: { 'nginx.conf': wrap('($http_user_agent !~ Mozilla)') } },
    { name: 'file tests', files: { 'nginx.conf': wrap('(!-f $request_filename)') } },
    { name: 'directory test', files: { 'nginx.conf': wrap('(-d $request_filename)') } },
  ],
  invalid: [
    { name: '== is not an operator', files: { 'nginx.conf': wrap('($arg_x == 1)') }, errors: [{ message: 'unexpected "==" in condition', line: 6, column: 24 }] },
    { name: 'too many words', files: { 'nginx.conf': wrap('($arg_x = a b)') }, errors: [{ message: 'invalid condition "$arg_x"' }] },
    { name: 'an operator without an operand', files: { 'nginx.conf': wrap('( $arg_x = )') }, errors: [{ message: 'invalid condition "$arg_x"' }] },
    { name: 'no opening parenthesis', files: { 'nginx.conf': wrap('$arg_x)') }, errors: [{ message: 'invalid condition "$arg_x)"' }] },
    { name: 'no closing parenthesis', files: { 'nginx.conf': wrap('($arg_x') }, errors: [{ message: 'invalid condition "$arg_x"' }] },
    { name: 'not a variable', files: { 'nginx.conf': wrap('(x)') }, errors: [{ message: 'invalid condition "x"' }] },
    { name: 'an unknown file test', files: { 'nginx.conf': wrap('(-z $request_filename)') }, errors: [{ message: 'invalid condition "-z"' }] },
    { name: 'a file test without an operand', files: { 'nginx.conf': wrap('(-f)') }, errors: [{ message: 'invalid condition "-f"' }] },
    { name: '! as its own word', files: { 'nginx.conf': wrap('( ! -f $request_filename )') }, errors: [{ message: 'invalid condition "!"' }] },
    { name: 'empty', files: { 'nginx.conf': wrap('()') }, errors: [{ message: 'invalid condition ")"' }] },
    { name: 'a quoted variable', files: { 'nginx.conf': wrap('("$arg_x" = a)') }, errors: [{ message: 'invalid condition ""$arg_x""' }] },
    {
      name: 'a regex starting with a quantifier',
      files: { 'nginx.conf': wrap('($uri ~ *\\.php)') },
      errors: [{ message: 'pcre2_compile() failed: quantifier does not follow a repeatable item in "*\\.php" at "*\\.php"' }],
    },
  ],
});
