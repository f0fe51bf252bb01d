/** Whether something accepts TCP connections on 127.0.0.1:port (a server started by a test). */
import { connect } from 'node:net';

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}
