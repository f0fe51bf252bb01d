/** Minimal zip writer for hostile fixtures (tests and bench:hostile): real deflated entries or forged central-directory sizes. */
import { deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** Forge the declared inflated size (the bytes are never inflated by the guard). */
  declaredInflated?: number;
  /** Sizes in the central directory as 0xFFFFFFFF with the real ones in a zip64 extra field (some writers do so for every part). */
  zip64?: boolean;
  /** Set the "encrypted" flag (the bytes stay plain). */
  encrypted?: boolean;
}

export function zip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const inflated = e.declaredInflated ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(inflated, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(e.zip64 ? 45 : 20, 6);
    if (e.encrypted) {
      central.writeUInt16LE(1, 8);
      local.writeUInt16LE(1, 6);
    }
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : body.length, 20);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : inflated, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    const extra = Buffer.alloc(e.zip64 ? 20 : 0);
    if (e.zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(inflated), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      central.writeUInt16LE(extra.length, 30);
    }
    locals.push(local, name, body);
    centrals.push(central, name, extra);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}
