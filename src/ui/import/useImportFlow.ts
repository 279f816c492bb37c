// The import flow as one state machine: choose a file → reading → (error | report while the
// territories are prepared → join and columns). The table stays in the worker
// (src/state/import-worker-api.ts); this hook owns the session and is the one place where answers
// that arrive too late (another file, another key, a cancel) are dropped.

import { proxy, transfer } from 'comlink';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Generation } from '../../data/types.ts';
import {
  checkSize,
  type ImportMessage,
  type KeyDetection,
  type KeyKind,
  type ParseReport,
} from '../../domain/import/index.ts';
import type { ColumnSpec } from '../../domain/user-data/build.ts';
import type { CoverageView, JoinView } from '../../domain/user-data/join-view.ts';
import type { BuildAnswer, BuildRequest, ImportWorkerApi, ParseAnswer } from '../../state/import-worker-api.ts';
import { createImportSession, type ImportSession } from '../../state/user-data-sync.ts';
import { internal } from './format.ts';

export interface Parsed {
  file: File;
  report: ParseReport;
  preview: { rows: (string | number | boolean | null)[][]; rowNumbers: number[] };
  rows: number;
  countLike: boolean[];
}

export interface JoinKey {
  column: number;
  kind: KeyKind;
  generation: Generation;
}

export type ImportFlowState =
  | { step: 'choose' }
  | { step: 'reading'; name: string; ratio: number }
  | {
      step: 'error';
      name: string;
      error: ImportMessage;
      warnings: ImportMessage[];
      /** The workbook's sheets, to choose another one after an error. */
      retry?: { file: File; sheets: string[]; sheet?: string };
    }
  | { step: 'preparing'; parsed: Parsed }
  | { step: 'refFailed'; parsed: Parsed; reason: string }
  | {
      step: 'join';
      parsed: Parsed;
      detection: KeyDetection;
      key: JoinKey;
      join: JoinView | null;
      /** A join with a new key is being computed. */
      pending: boolean;
      /** The user confirmed the rows matched by name. */
      confirmed: boolean;
    };

type Action =
  | { type: 'choose' }
  | { type: 'reading'; name: string; ratio: number }
  | (Omit<Extract<ImportFlowState, { step: 'error' }>, 'step'> & { type: 'failed' })
  | { type: 'parsed'; parsed: Parsed }
  | { type: 'refFailed'; reason: string }
  | { type: 'detected'; detection: KeyDetection; join: JoinView | null; key: JoinKey }
  | { type: 'rejoin'; key: JoinKey }
  | { type: 'joined'; join: JoinView | null }
  | { type: 'confirm'; confirmed: boolean };

function reduce(state: ImportFlowState, action: Action): ImportFlowState {
  switch (action.type) {
    case 'choose':
      return { step: 'choose' };
    case 'reading':
      return { step: 'reading', name: action.name, ratio: action.ratio };
    case 'failed': {
      const { type: _, ...error } = action;
      return { step: 'error', ...error };
    }
    case 'parsed':
      return { step: 'preparing', parsed: action.parsed };
    case 'refFailed':
      return state.step === 'preparing' ? { step: 'refFailed', parsed: state.parsed, reason: action.reason } : state;
    case 'detected':
      return state.step === 'preparing'
        ? {
            step: 'join',
            parsed: state.parsed,
            detection: action.detection,
            key: action.key,
            join: action.join,
            pending: false,
            confirmed: false,
          }
        : state;
    case 'rejoin':
      return state.step === 'join' ? { ...state, key: action.key, pending: true, confirmed: false } : state;
    case 'joined':
      return state.step === 'join' ? { ...state, pending: false, join: action.join ?? state.join } : state;
    case 'confirm':
      return state.step === 'join' ? { ...state, confirmed: action.confirmed } : state;
  }
}

/** Drives the import dialog; `initialFile` (dropped on the window) is read at once. */
export function useImportFlow(initialFile: File | null) {
  const [state, dispatch] = useReducer(reduce, { step: 'choose' });
  const sessionRef = useRef<ImportSession | null>(null);
  // Request ids: a new file (or a cancel) invalidates every answer in flight; a new key
  // invalidates the join, previews and builds asked for the previous one.
  const ids = useRef({ last: 0, file: 0, join: 0 });
  const newFile = useCallback(() => {
    const id = ++ids.current.last;
    ids.current.file = id;
    ids.current.join = id;
    return () => ids.current.file === id;
  }, []);
  const newJoin = useCallback(() => {
    const id = ++ids.current.last;
    ids.current.join = id;
    return () => ids.current.join === id;
  }, []);
  const sameJoin = useCallback(() => {
    const id = ids.current.join;
    return () => ids.current.join === id;
  }, []);

  // Stable callbacks: they only read refs, so the effects below run once per mount.
  const session = useCallback((): ImportSession => {
    if (!sessionRef.current) {
      sessionRef.current = createImportSession();
      // Build the list of territories while the user picks a file.
      void sessionRef.current.run((api) => api.warm('2023'));
    }
    return sessionRef.current;
  }, []);
  const stop = useCallback(() => {
    sessionRef.current?.terminate();
    sessionRef.current = null;
  }, []);

  useEffect(() => {
    try {
      session();
    } catch {
      // Reported when a file is read.
    }
    return stop;
  }, [session, stop]);

  const rejoin = useCallback(
    (key: JoinKey) => {
      dispatch({ type: 'rejoin', key });
      const live = newJoin();
      session()
        .run((api) => api.join(key.column, key.kind, key.generation))
        .then(
          (join) => live() && dispatch({ type: 'joined', join }),
          () => live() && dispatch({ type: 'joined', join: null }),
        );
    },
    [session, newJoin],
  );

  const detect = useCallback(
    async (live: () => boolean) => {
      let a: Awaited<ReturnType<ImportWorkerApi['detect']>>;
      try {
        a = await session().run((api) => api.detect());
      } catch (e) {
        if (live()) dispatch({ type: 'refFailed', reason: e instanceof Error ? e.message : String(e) });
        return;
      }
      if (!live()) return;
      const first = a.detection.best ?? a.detection.candidates[0];
      const key: JoinKey = { column: first?.column ?? 0, kind: first?.kind ?? 'commune-insee', generation: '2023' };
      dispatch({ type: 'detected', detection: a.detection, join: a.join, key });
      // Nothing recognised: join on the default key anyway, so that the report says why.
      if (!a.join) rejoin(key);
    },
    [session, rejoin],
  );

  /** `sheets`: the workbook's sheets when re-reading another sheet (kept to choose again after an error). */
  const start = useCallback(
    async (file: File, sheet?: string, sheets?: string[]) => {
      const live = newFile();
      // Size first, before reading anything.
      const tooLarge = checkSize(file.name, file.size);
      if (tooLarge) return dispatch({ type: 'failed', name: file.name, error: tooLarge, warnings: [] });
      dispatch({ type: 'reading', name: file.name, ratio: 0 });
      let answer: ParseAnswer;
      try {
        const bytes = await file.arrayBuffer();
        let last = 0;
        const onProgress = (ratio: number) => {
          // Repaint the bar at most every 2 %.
          if (live() && (ratio - last >= 0.02 || ratio === 1)) {
            last = ratio;
            dispatch({ type: 'reading', name: file.name, ratio });
          }
        };
        answer = await session().run<ParseAnswer>((api) =>
          api.parse(file.name, transfer(bytes, [bytes]), sheet, proxy(onProgress)),
        );
      } catch (e) {
        if (live()) dispatch({ type: 'failed', name: file.name, error: internal(e), warnings: [] });
        return;
      }
      if (!live()) return;
      if (answer.ok) {
        const { report, preview, rows, countLike } = answer;
        dispatch({ type: 'parsed', parsed: { file, report, preview, rows, countLike } });
        return detect(live);
      }
      dispatch({
        type: 'failed',
        name: file.name,
        error: answer.error,
        warnings: answer.warnings,
        retry: sheets && sheets.length > 1 ? { file, sheets, sheet } : undefined,
      });
    },
    [session, newFile, detect],
  );

  useEffect(() => {
    if (initialFile) void start(initialFile);
  }, [initialFile, start]);

  /** Stops reading (the worker is dropped) and goes back to the file picker. */
  const cancel = useCallback(() => {
    newFile();
    stop();
    dispatch({ type: 'choose' });
  }, [newFile, stop]);
  /** Back to the file picker. */
  const another = useCallback(() => {
    newFile();
    dispatch({ type: 'choose' });
  }, [newFile]);
  const confirm = useCallback((confirmed: boolean) => dispatch({ type: 'confirm', confirmed }), []);

  /** Coverage of one column with the current join; null if it failed or the join changed meanwhile. */
  const preview = useCallback(
    async (spec: ColumnSpec): Promise<CoverageView | null> => {
      const live = sameJoin();
      try {
        const coverage = await session().run((api) => api.preview(spec));
        return live() ? coverage : null;
      } catch {
        return null;
      }
    },
    [session, sameJoin],
  );
  /** Builds the table; null if the join changed meanwhile. Throws if the worker failed. */
  const build = useCallback(
    async (request: BuildRequest): Promise<BuildAnswer | null> => {
      const live = sameJoin();
      const a = await session().run<BuildAnswer>((api) => api.build(request));
      return live() ? a : null;
    },
    [session, sameJoin],
  );

  return { state, start, cancel, another, rejoin, confirm, preview, build };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
