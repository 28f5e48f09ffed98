import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StationHome } from './station-home.tsx';
import './station.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StationHome api={window.station} />
    </StrictMode>,
  );
}
