/**
 * A DbPort that keeps a journal of what changes the database (issue 17, Export as SQL): every
 * statement run through `exec` (and the DDL the typed load runs as a query, for its progress), in
 * order, and each file registered for SQL by the name SQL reads it under. Other queries pass through
 * unrecorded. The script builder (src/analyses/sql-script.ts) turns the journal of a load and a
 * cleaning into statements that replay them on the user's own files.
 */
import type { DbPort } from './db-port.ts';
import type { JournalEntry } from '../analyses/sql-script.ts';

export type { JournalEntry };

export interface RecordingDb extends DbPort {
  readonly journal: JournalEntry[];
  /** Off: nothing is recorded (the app's worker records its loads and cleanings only). */
  recording: boolean;
}

const CHANGES = /^\s*(CREATE|INSERT|UPDATE|DELETE|DROP|ALTER)\b/i;

export function recordingDb(db: DbPort): RecordingDb {
  const journal: JournalEntry[] = [];
  const note = (entry: JournalEntry) => {
    if (recorder.recording) journal.push(entry);
  };
  const recorder: RecordingDb = {
    journal,
    recording: true,
    kind: db.kind,
    version: () => db.version(),
    async exec(sql) {
      await db.exec(sql);
      note({ kind: 'exec', sql });
    },
    async queryIpc(sql, onProgress) {
      const bytes = await db.queryIpc(sql, onProgress);
      if (CHANGES.test(sql)) note({ kind: 'exec', sql });
      return bytes;
    },
    async registerFile(name, ref) {
      await db.registerFile(name, ref);
      note({ kind: 'file', name, source: 'file' });
    },
    async registerBytes(name, bytes) {
      await db.registerBytes(name, bytes);
      note({ kind: 'file', name, source: 'bytes' });
    },
    dropFile: (name) => db.dropFile(name),
    async insertArrowIpc(table, bytes, create) {
      await db.insertArrowIpc(table, bytes, create);
      if (create) note({ kind: 'arrow', table });
    },
    cancel: () => db.cancel(),
    close: () => db.close(),
  };
  return recorder;
}
