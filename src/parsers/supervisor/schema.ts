/**
 * Every key supervisord 4.2.5 (and supervisorctl) reads, per section type, with the converter
 * it applies and its default. Transcribed from supervisor/options.py (`read_config` 552-680,
 * `process_groups_from_parser` 682-835, `_processes_from_section` 893-1060,
 * `server_configs_from_parser` 1089-1145, `ClientOptions.read_config` 1676-1728) and
 * supervisor/datatypes.py; test/parity/supervisor-schema.test.ts re-extracts the keys from
 * the installed options.py and compares.
 */
import type { SectionType } from './model.js';

export type Converter =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'auto_restart'
  | 'signal_number'
  | 'list_of_exitcodes'
  | 'byte_size'
  | 'octal_type'
  | 'name_to_uid'
  | 'logfile_name'
  | 'existing_dirpath'
  | 'existing_directory'
  | 'logging_level'
  | 'dict_of_key_value_pairs'
  | 'process_or_group_name'
  | 'list_of_strings'
  | 'inet_address'
  | 'colon_separated_user_group'
  | 'import_spec'
  | 'event_names'
  | 'fcgi_socket';

export interface KeySpec {
  converter: Converter;
  /** Default as supervisord writes it (undefined: None / required). */
  default?: string;
  required?: boolean;
  doc: string;
}

const PROCESS_KEYS: Record<string, KeySpec> = {
  command: { converter: 'string', required: true, doc: 'the program to run and its arguments (split with shlex, no shell)' },
  process_name: { converter: 'process_or_group_name', default: '%(program_name)s', doc: 'name of each process' },
  numprocs: { converter: 'integer', default: '1', doc: 'how many processes to start' },
  numprocs_start: { converter: 'integer', default: '0', doc: 'first process_num' },
  priority: { converter: 'integer', default: '999', doc: 'start/stop order' },
  autostart: { converter: 'boolean', default: 'true', doc: 'start when supervisord starts' },
  autorestart: { converter: 'auto_restart', default: 'unexpected', doc: 'restart policy: true, false or unexpected' },
  startsecs: { converter: 'integer', default: '1', doc: 'seconds the program must stay up to count as started' },
  startretries: { converter: 'integer', default: '3', doc: 'start attempts before FATAL' },
  exitcodes: { converter: 'list_of_exitcodes', default: '0', doc: 'expected exit codes' },
  stopsignal: { converter: 'signal_number', default: 'TERM', doc: 'signal sent to stop the program' },
  stopwaitsecs: { converter: 'integer', default: '10', doc: 'seconds to wait before SIGKILL' },
  stopasgroup: { converter: 'boolean', default: 'false', doc: 'send the stop signal to the process group' },
  killasgroup: { converter: 'boolean', default: 'false', doc: 'send SIGKILL to the process group' },
  user: { converter: 'name_to_uid', doc: 'user to run the program as' },
  redirect_stderr: { converter: 'boolean', default: 'false', doc: 'send stderr to the stdout log' },
  stdout_logfile: { converter: 'logfile_name', default: 'AUTO', doc: 'stdout log file' },
  stdout_logfile_maxbytes: { converter: 'byte_size', default: '50MB', doc: 'stdout log rotation size' },
  stdout_logfile_backups: { converter: 'integer', default: '10', doc: 'stdout log backups kept' },
  stdout_capture_maxbytes: { converter: 'byte_size', default: '0', doc: 'capture-mode buffer size' },
  stdout_events_enabled: { converter: 'boolean', default: 'false', doc: 'emit PROCESS_LOG_STDOUT events' },
  stdout_syslog: { converter: 'boolean', default: 'false', doc: 'also send stdout to syslog' },
  stderr_logfile: { converter: 'logfile_name', default: 'AUTO', doc: 'stderr log file' },
  stderr_logfile_maxbytes: { converter: 'byte_size', default: '50MB', doc: 'stderr log rotation size' },
  stderr_logfile_backups: { converter: 'integer', default: '10', doc: 'stderr log backups kept' },
  stderr_capture_maxbytes: { converter: 'byte_size', default: '0', doc: 'capture-mode buffer size' },
  stderr_events_enabled: { converter: 'boolean', default: 'false', doc: 'emit PROCESS_LOG_STDERR events' },
  stderr_syslog: { converter: 'boolean', default: 'false', doc: 'also send stderr to syslog' },
  environment: { converter: 'dict_of_key_value_pairs', default: '', doc: 'KEY="value",KEY2="value2" added to the environment' },
  directory: { converter: 'string', doc: 'directory to chdir to before exec' },
  umask: { converter: 'octal_type', doc: 'umask of the process' },
  serverurl: { converter: 'string', default: 'AUTO', doc: 'SUPERVISOR_SERVER_URL passed to the process' },
};

export const SECTION_KEYS: Record<SectionType, Record<string, KeySpec>> = {
  supervisord: {
    logfile: { converter: 'existing_dirpath', default: 'supervisord.log', doc: 'supervisord activity log' },
    logfile_maxbytes: { converter: 'byte_size', default: '50MB', doc: 'activity log rotation size' },
    logfile_backups: { converter: 'integer', default: '10', doc: 'activity log backups kept' },
    loglevel: { converter: 'logging_level', default: 'info', doc: 'critical, error, warn, info, debug, trace or blather' },
    pidfile: { converter: 'existing_dirpath', default: 'supervisord.pid', doc: 'pid file of supervisord' },
    umask: { converter: 'octal_type', default: '022', doc: 'umask of supervisord' },
    nodaemon: { converter: 'boolean', default: 'false', doc: 'run in the foreground' },
    silent: { converter: 'boolean', default: 'false', doc: 'no log to stdout in the foreground' },
    minfds: { converter: 'integer', default: '1024', doc: 'minimum free file descriptors' },
    minprocs: { converter: 'integer', default: '200', doc: 'minimum free process descriptors' },
    nocleanup: { converter: 'boolean', default: 'false', doc: 'keep AUTO child logs at start' },
    childlogdir: { converter: 'existing_directory', default: '/tmp', doc: 'directory of AUTO child logs' },
    user: { converter: 'name_to_uid', doc: 'user supervisord switches to' },
    directory: { converter: 'existing_directory', doc: 'directory supervisord chdirs to when daemonizing' },
    strip_ansi: { converter: 'boolean', default: 'false', doc: 'strip ANSI escapes from child logs' },
    environment: { converter: 'dict_of_key_value_pairs', default: '', doc: 'environment added to every program' },
    identifier: { converter: 'string', default: 'supervisor', doc: 'RPC identifier' },
  },
  supervisorctl: {
    serverurl: { converter: 'string', default: 'http://localhost:9001', doc: 'URL of the supervisord server' },
    username: { converter: 'string', doc: 'user name for the server' },
    password: { converter: 'string', doc: 'password for the server' },
    prompt: { converter: 'string', default: 'supervisor', doc: 'interactive prompt' },
    history_file: { converter: 'string', doc: 'readline history file' },
  },
  unix_http_server: {
    file: { converter: 'string', required: true, doc: 'path of the UNIX socket' },
    chmod: { converter: 'octal_type', default: '0700', doc: 'mode of the socket' },
    chown: { converter: 'colon_separated_user_group', doc: 'user:group owning the socket' },
    username: { converter: 'string', doc: 'user name required to connect' },
    password: { converter: 'string', doc: 'password required to connect' },
  },
  inet_http_server: {
    port: { converter: 'inet_address', required: true, doc: 'host:port to listen on' },
    username: { converter: 'string', doc: 'user name required to connect' },
    password: { converter: 'string', doc: 'password required to connect' },
  },
  include: {
    files: { converter: 'string', required: true, doc: 'space-separated globs of files to include' },
  },
  rpcinterface: {
    'supervisor.rpcinterface_factory': { converter: 'import_spec', required: true, doc: 'factory of the RPC interface' },
  },
  ctlplugin: {
    'supervisor.ctl_factory': { converter: 'import_spec', required: true, doc: 'factory of the supervisorctl plugin' },
  },
  program: PROCESS_KEYS,
  eventlistener: {
    ...PROCESS_KEYS,
    priority: { converter: 'integer', default: '-1', doc: 'start/stop order' },
    buffer_size: { converter: 'integer', default: '10', doc: 'event queue size' },
    events: { converter: 'event_names', required: true, doc: 'event types to subscribe to' },
    result_handler: { converter: 'import_spec', default: 'supervisor.dispatchers:default_handler', doc: 'result handler' },
  },
  'fcgi-program': {
    ...PROCESS_KEYS,
    socket: { converter: 'fcgi_socket', required: true, doc: 'unix:///path or tcp://host:port' },
    socket_backlog: { converter: 'integer', doc: 'listen backlog (1-65535)' },
    socket_owner: { converter: 'colon_separated_user_group', doc: 'user:group of a UNIX socket' },
    socket_mode: { converter: 'octal_type', doc: 'mode of a UNIX socket' },
  },
  group: {
    programs: { converter: 'list_of_strings', doc: 'comma-separated program names' },
    priority: { converter: 'integer', default: '999', doc: 'start/stop order' },
  },
};

/** The section types named by their prefix up to the colon (`program:web`). */
const TYPE_BEFORE_COLON = new Map<string, SectionType>([
  ['rpcinterface', 'rpcinterface'],
  ['ctlplugin', 'ctlplugin'],
  ['program', 'program'],
  ['eventlistener', 'eventlistener'],
  ['fcgi-program', 'fcgi-program'],
  ['group', 'group'],
]);

/**
 * Section type by supervisord's own tests (`startswith`, exact names): `x:` prefixes (one
 * lookup, as most sections are `program:x` and the like), then the exact names and the
 * HTTP server prefixes, which need no colon.
 */
export function sectionType(name: string): { type: SectionType | undefined; suffix: string | undefined } {
  const colon = name.indexOf(':');
  const suffix = colon === -1 ? undefined : name.slice(colon + 1);
  const byPrefix = colon === -1 ? undefined : TYPE_BEFORE_COLON.get(name.slice(0, colon));
  if (byPrefix !== undefined) return { type: byPrefix, suffix };
  if (name === 'supervisord') return { type: 'supervisord', suffix };
  if (name === 'supervisorctl') return { type: 'supervisorctl', suffix };
  if (name === 'include') return { type: 'include', suffix };
  if (name.startsWith('unix_http_server')) return { type: 'unix_http_server', suffix };
  if (name.startsWith('inet_http_server')) return { type: 'inet_http_server', suffix };
  return { type: undefined, suffix };
}

/** Names a section header could have meant (for did-you-mean on unknown sections). */
export const SECTION_PREFIXES = [
  'supervisord',
  'supervisorctl',
  'unix_http_server',
  'inet_http_server',
  'include',
  'rpcinterface:',
  'ctlplugin:',
  'program:',
  'eventlistener:',
  'fcgi-program:',
  'group:',
];

/** Signal names `getattr(signal, name)` finds on Linux with Python 3.11 (`SIG` prefix added by supervisor). */
export const SIGNALS: Record<string, number> = {
  SIGABRT: 6, SIGALRM: 14, SIGBUS: 7, SIGCHLD: 17, SIGCLD: 17, SIGCONT: 18, SIGFPE: 8, SIGHUP: 1,
  SIGILL: 4, SIGINT: 2, SIGIO: 29, SIGIOT: 6, SIGKILL: 9, SIGPIPE: 13, SIGPOLL: 29, SIGPROF: 27,
  SIGPWR: 30, SIGQUIT: 3, SIGRTMAX: 64, SIGRTMIN: 34, SIGSEGV: 11, SIGSTKFLT: 16, SIGSTOP: 19,
  SIGSYS: 31, SIGTERM: 15, SIGTRAP: 5, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23,
  SIGUSR1: 10, SIGUSR2: 12, SIGVTALRM: 26, SIGWINCH: 28, SIGXCPU: 24, SIGXFSZ: 25,
  SIG_BLOCK: 0, SIG_DFL: 0, SIG_IGN: 1, SIG_SETMASK: 2, SIG_UNBLOCK: 1,
};

/** `SIGNUMS` (supervisor/datatypes.py:421): every value of a `SIG*` attribute of the signal module. */
export const SIGNUMS = new Set(Object.values(SIGNALS));

/** `supervisor.events.EventTypes` attributes (supervisor 4.2.5). */
export const EVENT_TYPES = new Set([
  'EVENT', 'PROCESS_COMMUNICATION', 'PROCESS_COMMUNICATION_STDERR', 'PROCESS_COMMUNICATION_STDOUT',
  'PROCESS_GROUP', 'PROCESS_GROUP_ADDED', 'PROCESS_GROUP_REMOVED', 'PROCESS_LOG', 'PROCESS_LOG_STDERR',
  'PROCESS_LOG_STDOUT', 'PROCESS_STATE', 'PROCESS_STATE_BACKOFF', 'PROCESS_STATE_EXITED',
  'PROCESS_STATE_FATAL', 'PROCESS_STATE_RUNNING', 'PROCESS_STATE_STARTING', 'PROCESS_STATE_STOPPED',
  'PROCESS_STATE_STOPPING', 'PROCESS_STATE_UNKNOWN', 'REMOTE_COMMUNICATION', 'SUPERVISOR_STATE_CHANGE',
  'SUPERVISOR_STATE_CHANGE_RUNNING', 'SUPERVISOR_STATE_CHANGE_STOPPING', 'TICK', 'TICK_3600', 'TICK_5', 'TICK_60',
]);

/** `supervisor.loggers.LevelsByDescription`. */
export const LOG_LEVELS = new Set(['critical', 'error', 'warn', 'info', 'debug', 'trace', 'blather']);

/** Import specs inside supervisor itself that resolve (others cannot be checked statically). */
export const KNOWN_SPECS: Record<string, Set<string>> = {
  'supervisor.rpcinterface': new Set(['make_main_rpcinterface', 'SupervisorNamespaceRPCInterface']),
  'supervisor.dispatchers': new Set(['default_handler']),
};
