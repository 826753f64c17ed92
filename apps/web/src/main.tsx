// Design tokens and base styles first, so that component styles can build on them.
import './ui';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html must contain <div id="root">');
}
createRoot(container).render(<App />);
