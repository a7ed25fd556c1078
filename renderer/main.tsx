// Renderer entry. The zod setup must run before any shared/ module is evaluated (see zodSetup.ts).
import './zodSetup';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DataProvider } from './data/DataProvider';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DataProvider>
      <App />
    </DataProvider>
  </StrictMode>,
);
