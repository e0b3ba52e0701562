/**
 * The exit code of a start that cannot go on until a person fixes something (EX_CONFIG): the
 * systemd unit lists it in RestartPreventExitStatus, so the service stops instead of starting
 * again and again over a database it must not touch.
 */
export const EXIT_NEEDS_A_PERSON = 78;

/** A start refused for a reason a person must fix; `code` is the log line's code. */
export class StartRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StartRefused';
  }
}
