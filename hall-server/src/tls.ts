import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerEnv } from './config';

// The hall's own certificate (HALL_TLS_CERT, HALL_TLS_KEY: PEM files). A hall has no public
// name a certificate authority would vouch for, so its devices trust this one certificate by
// its SHA-256 fingerprint, which the start banner prints for their device config.

export interface HallTls {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (DER), as colon-separated hex pairs: AB:CD:… */
  fingerprint: string;
}

/** The certificate and key the environment names, checked; null for plain HTTP. Throws with the reason when they cannot be used. */
export function readTls(env: Pick<ServerEnv, 'HALL_TLS_CERT' | 'HALL_TLS_KEY'>): HallTls | null {
  if (env.HALL_TLS_CERT === undefined || env.HALL_TLS_KEY === undefined) return null;
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`${name}: cannot read ${path} (${(error as Error).message})`, { cause: error });
    }
  };
  const cert = read('HALL_TLS_CERT', env.HALL_TLS_CERT);
  const key = read('HALL_TLS_KEY', env.HALL_TLS_KEY);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw new Error(`HALL_TLS_CERT: ${env.HALL_TLS_CERT} is not a PEM certificate (${(error as Error).message})`, { cause: error });
  }
  try {
    if (!certificate.checkPrivateKey(createPrivateKey(key))) throw new Error('it is not the key of that certificate');
  } catch (error) {
    throw new Error(`HALL_TLS_KEY: ${env.HALL_TLS_KEY} cannot be used with HALL_TLS_CERT (${(error as Error).message})`, { cause: error });
  }
  return { cert, key, fingerprint: certificate.fingerprint256 };
}
