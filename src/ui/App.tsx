// The application shell: top bar, outline, canvas, inspector, and the bottom panel with the
// preview, access patterns, export and problems tabs.
import { useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useDesignStore } from '../store/designStore';
import { DesignCanvas } from './canvas/DesignCanvas';
import { CanvasToolbar } from './canvas/CanvasToolbar';
import { Inspector } from './inspector/Inspector';
import { IssuesList } from './IssuesList';
import { Notices } from './Notices';
import { Outline } from './Outline';
import { PanelBoundary } from './PanelBoundary';
import { PreviewPanel } from './preview/PreviewPanel';
import { Tabs, type TabDefinition } from './Tabs';
import { TopBar } from './TopBar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { AccessPatternsPanel } from './patterns/AccessPatternsPanel';
import { ExportPanel } from './export/ExportPanel';

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
  const problemCount = useDesignStore((s) => s.issues.filter((i) => i.severity !== 'info').length);
  const tabs: TabDefinition[] = [
    { id: 'preview', label: 'Preview', render: () => <PanelBoundary name="Preview"><PreviewPanel /></PanelBoundary> },
    { id: 'patterns', label: 'Access patterns', render: () => <PanelBoundary name="Access patterns"><AccessPatternsPanel /></PanelBoundary> },
    { id: 'export', label: 'Export', render: () => <PanelBoundary name="Export"><ExportPanel /></PanelBoundary> },
    { id: 'problems', label: <ProblemsTabLabel />, name: problemCount ? `Problems (${problemCount})` : 'Problems', render: () => <IssuesList /> },
  ];
  return (
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <div className="workspace">
          <Outline />
          <main className="canvas-area" aria-label="Canvas">
            <CanvasToolbar />
            <PanelBoundary name="Canvas">
              <DesignCanvas />
            </PanelBoundary>
          </main>
          <aside className="side-panel" aria-label="Inspector">
            <PanelBoundary name="Inspector">
              <Inspector />
            </PanelBoundary>
          </aside>
        </div>
        <section className="bottom-panel" aria-label="Details">
          <Tabs label="Details" tabs={tabs} active={tab} onChange={setTab} />
        </section>
        <Notices />
      </div>
    </ReactFlowProvider>
  );
}
