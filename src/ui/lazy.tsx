// Code that the first view does not draw (import, export, comparison, search, sources) loads on
// first use as its own chunk: a visible loading state while it downloads, and when the download
// fails a clear message with a retry instead of a blank panel.
import {
  Component,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useState,
} from 'react';
import { useT } from './useT.ts';
import './loading.css';

type AnyProps = Record<string, unknown>;

/**
 * A component loaded from its own chunk on first render: `pick` takes it from the module that
 * `load` imports. `fallback` replaces the default "Loading…" line (e.g. a disabled copy of a button).
 */
export function lazyComponent<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
  fallback?: ReactNode,
): ComponentType<P> {
  /** The chunk whose download failed: a retry imports it again (importAgain). */
  let failed: string | null = null;
  const make = () =>
    lazy(() =>
      (failed ? (importAgain(failed) as Promise<M>) : load()).then(
        (m) => ({ default: pick(m) as ComponentType<AnyProps> }),
        (e: unknown) => {
          failed = failedModule(e) ?? failed;
          throw new ChunkLoadError(e);
        },
      ),
    );
  const chunk: Chunk = { current: make(), renew: () => (chunk.current = make()), fallback };
  return (props: P) => <LazyChunk chunk={chunk} props={props as AnyProps} />;
}

/** The module a failed dynamic import names: browsers put its URL in the message. */
function failedModule(e: unknown): string | null {
  return /(https?:\/\/[^\s?#'"]+\.m?js)/.exec(e instanceof Error ? e.message : String(e))?.[1] ?? null;
}

/** Chunks imported again after a failure, by URL: one new URL per retry, shared by their users. */
const importedAgain = new Map<string, { attempt: number; module: Promise<unknown> | null }>();
/**
 * Imports a chunk whose download failed. The browser keeps a failed import for its URL (Chromium
 * does not fetch it again), so a retry asks for the same file under a new query string.
 */
function importAgain(url: string): Promise<unknown> {
  const entry = importedAgain.get(url) ?? { attempt: 0, module: null };
  importedAgain.set(url, entry);
  if (!entry.module) {
    entry.attempt += 1;
    const module = import(/* @vite-ignore */ `${url}?retry=${entry.attempt}`);
    module.catch(() => (entry.module = null));
    entry.module = module;
  }
  return entry.module;
}

interface Chunk {
  current: LazyExoticComponent<ComponentType<AnyProps>>;
  /** React.lazy keeps a rejection: a retry needs a fresh one. */
  renew: () => void;
  fallback: ReactNode;
}

function LazyChunk({ chunk, props }: { chunk: Chunk; props: AnyProps }) {
  const [attempt, setAttempt] = useState(0);
  const Inner = chunk.current;
  const retry = () => {
    chunk.renew();
    setAttempt(attempt + 1);
  };
  return (
    <ChunkBoundary key={attempt} onRetry={retry}>
      <Suspense fallback={chunk.fallback === undefined ? <ChunkLoading /> : chunk.fallback}>
        <Inner {...props} />
      </Suspense>
    </ChunkBoundary>
  );
}

function ChunkLoading() {
  const t = useT();
  return (
    <span className="chunk-loading" role="status" data-testid="chunk-loading">
      {t('chunk.loading')}
    </span>
  );
}

function ChunkFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <div className="chunk-error" role="alert" data-testid="chunk-error">
      <span>{t('chunk.failed')}</span>{' '}
      <button type="button" onClick={onRetry}>
        {t('chunk.retry')}
      </button>
    </div>
  );
}

/** A chunk's download failed (other errors go on to the enclosing error boundary). */
class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

class ChunkBoundary extends Component<{ children: ReactNode; onRetry: () => void }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (error && !(error instanceof ChunkLoadError)) throw error;
    return error ? <ChunkFailed onRetry={this.props.onRetry} /> : this.props.children;
  }
}

let firstMapDrawn: Promise<void> | null = null;
/** Resolves once the first map is drawn (the `atlas:first-map` mark), or after 8 s at most. */
export function afterFirstMap(): Promise<void> {
  firstMapDrawn ??= new Promise<void>((resolve) => {
    if (performance.getEntriesByName('atlas:first-map').length > 0) return resolve();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('atlas:first-map').length === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'mark' });
    setTimeout(resolve, 8000);
  });
  return firstMapDrawn;
}

/** True once the first map is drawn: parts of the first view that can wait render after it. */
export function useAfterFirstMap(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void afterFirstMap().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
