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
 * A component loaded from its own chunk on first render. `load` resolves to the component;
 * `fallback` replaces the default "Loading…" line (e.g. a disabled copy of a button).
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback?: ReactNode,
): ComponentType<P> {
  const make = () =>
    lazy(() =>
      load().then(
        (c) => ({ default: c as ComponentType<AnyProps> }),
        (e: unknown) => {
          throw new ChunkLoadError(e);
        },
      ),
    );
  const chunk: Chunk = { current: make(), renew: () => (chunk.current = make()), fallback };
  return (props: P) => <LazyChunk chunk={chunk} props={props as AnyProps} />;
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
