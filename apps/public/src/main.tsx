import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { DisplayPage } from './Display.tsx';
import { JoinPage } from './Join.tsx';
import { KioskPage } from './Kiosk.tsx';
import { TrackingPage } from './Tracking.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        <Route path="/kiosk/:location" element={<KioskPage />} />
        <Route path="/display/:location" element={<DisplayPage />} />
        <Route path="/visit/:token" element={<TrackingPage />} />
        <Route path="/join/:location" element={<JoinPage />} />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
