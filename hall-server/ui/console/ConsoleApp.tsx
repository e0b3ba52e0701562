import { StaffApp } from '@hall/shared/ui';
import * as consoleSession from './console-session';
import { SignIn } from './SignIn';
import { WindowConsole } from './WindowConsole';

export function ConsoleApp({ presetWindowNo }: { presetWindowNo: number | null }) {
  return (
    <StaffApp
      page="console"
      store={consoleSession}
      renderSignIn={(props) => <SignIn {...props} initialWindowNo={presetWindowNo ?? consoleSession.lastWindowNo()} />}
      renderDesk={(props) => <WindowConsole {...props} />}
    />
  );
}
