import { Component, type ReactNode } from 'react';

// Keeps one broken component from blanking the whole page; the message stays readable.
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return (
        <div className="component-error" role="alert">
          <strong>Une erreur est survenue dans ce panneau / An error occurred in this panel.</strong>
          <p>
            <code>{this.state.error.message}</code>
          </p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Réessayer / Retry
          </button>
        </div>
      );
    return this.props.children;
  }
}
