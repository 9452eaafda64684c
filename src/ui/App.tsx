// The application shell: top bar, outline, canvas, inspector, and the bottom panel with the
// preview, access patterns, cost, export, connect and problems tabs.
import { lazy, useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useDesignStore } from '../store/designStore';
import { DesignCanvas } from './canvas/DesignCanvas';
import { CanvasToolbar } from './canvas/CanvasToolbar';
import { CanvasMinimap } from './canvas/CanvasMinimap';
import { CommandPalette } from './CommandPalette';
import { registerViewBridge } from '../store/commands';
import { Inspector } from './inspector/Inspector';
import { IssuesList } from './IssuesList';
import { Notices } from './Notices';
import { Outline } from './Outline';
import { PanelBoundary } from './PanelBoundary';
import { PanelSplitter, useRememberedSize } from './PanelSplitter';
import { PreviewPanel } from './preview/PreviewPanel';
import { Tabs, type TabDefinition } from './Tabs';
import { TopBar } from './TopBar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

// The first screen shows the preview; the other tabs' code (exports, the SDK client, Monaco)
// is fetched when a tab is first opened, keeping the first load small.
const AccessPatternsPanel = lazy(() => import('./patterns/AccessPatternsPanel').then((m) => ({ default: m.AccessPatternsPanel })));
const ExportPanel = lazy(() => import('./export/ExportPanel').then((m) => ({ default: m.ExportPanel })));
const ConnectPanel = lazy(() => import('./connect/ConnectPanel').then((m) => ({ default: m.ConnectPanel })));
const CostPanel = lazy(() => import('./cost/CostPanel').then((m) => ({ default: m.CostPanel })));
const ProductionPanel = lazy(() => import('./production/ProductionPanel').then((m) => ({ default: m.ProductionPanel })));
const StreamsPanel = lazy(() => import('./production/StreamsPanel').then((m) => ({ default: m.StreamsPanel })));

function ProblemsTabLabel() {
  const count = useDesignStore((s) => s.issues.filter((i) => i.severity !== 'info').length);
  return (
    <>
      Problems {count > 0 && <span className="count-badge">{count}</span>}
    </>
  );
}

export function App() {
  useKeyboardShortcuts();
  const [tab, setTab] = useState('preview');
  // The canvas keeps most of the height by default; the sizes the user picks are kept.
  const [panelHeight, setPanelHeight] = useRememberedSize('details-height', () => Math.round(window.innerHeight * 0.3));
  const [inspectorWidth, setInspectorWidth] = useRememberedSize('inspector-width', () => 340);
  useEffect(() => registerViewBridge({ showTab: setTab }), []);
  const problemCount = useDesignStore((s) => s.issues.filter((i) => i.severity !== 'info').length);
  const tabs: TabDefinition[] = [
    { id: 'preview', label: 'Preview', render: () => <PanelBoundary name="Preview"><PreviewPanel /></PanelBoundary> },
    { id: 'patterns', label: 'Access patterns', render: () => <PanelBoundary name="Access patterns"><AccessPatternsPanel /></PanelBoundary> },
    { id: 'cost', label: 'Cost', render: () => <PanelBoundary name="Cost"><CostPanel /></PanelBoundary> },
    { id: 'production', label: 'Production', render: () => <PanelBoundary name="Production"><ProductionPanel /></PanelBoundary> },
    { id: 'streams', label: 'Streams', render: () => <PanelBoundary name="Streams"><StreamsPanel /></PanelBoundary> },
    { id: 'export', label: 'Export', render: () => <PanelBoundary name="Export"><ExportPanel /></PanelBoundary> },
    { id: 'connect', label: 'Connect', render: () => <PanelBoundary name="Connect"><ConnectPanel /></PanelBoundary> },
    { id: 'problems', label: <ProblemsTabLabel />, name: problemCount ? `Problems (${problemCount})` : 'Problems', render: () => <IssuesList onOpenPattern={() => setTab('patterns')} /> },
  ];
  return (
    <ReactFlowProvider>
      <div className="app" style={{ gridTemplateRows: `auto minmax(0, 1fr) auto ${panelHeight}px` }}>
        <TopBar />
        <div className="workspace" style={{ gridTemplateColumns: `200px minmax(0, 1fr) auto ${inspectorWidth}px` }}>
          <div className="left-column">
            <Outline />
            <CanvasMinimap />
          </div>
          <main className="canvas-area" aria-label="Canvas">
            <CanvasToolbar />
            <PanelBoundary name="Canvas">
              <DesignCanvas />
            </PanelBoundary>
          </main>
          <PanelSplitter orientation="vertical" label="Resize inspector" size={inspectorWidth} onChange={setInspectorWidth} />
          <aside className="side-panel" aria-label="Inspector">
            <PanelBoundary name="Inspector">
              <Inspector />
            </PanelBoundary>
          </aside>
        </div>
        <PanelSplitter orientation="horizontal" label="Resize details panel" size={panelHeight} onChange={setPanelHeight} />
        <section className="bottom-panel" aria-label="Details">
          <Tabs label="Details" tabs={tabs} active={tab} onChange={setTab} />
        </section>
        <Notices />
        <CommandPalette />
      </div>
    </ReactFlowProvider>
  );
}
