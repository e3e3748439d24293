import type { ClientToServerEvents, ServerToClientEvents } from '@shared/realtime/socket-events';
import { io as connect, type Socket } from 'socket.io-client';
import type { Session } from './accounts-helpers';
import type { TestShop } from './test-shop';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Real socket.io clients of a test shop, signed in with a session's access token or anonymous, and
 * all closed again by `closeAll` (an afterEach).
 */
export class SocketClients {
  private readonly open: ClientSocket[] = [];

  constructor(private readonly shop: TestShop) {}

  async connect(session?: Session): Promise<ClientSocket> {
    const socket: ClientSocket = connect(this.shop.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(session ? { auth: { token: session.auth.accessToken } } : {}),
    });
    this.open.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  closeAll(): void {
    for (const socket of this.open.splice(0)) socket.disconnect();
  }
}

/** The next `event` on `socket` whose payload passes `matches`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  matches: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!matches(payload)) return;
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}
