// Messages for the user: errors are announced assertively and stay until dismissed; info
// messages are polite and fade on their own.
import { useEffect } from 'react';
import { useDesignStore, type Notice } from '../store/designStore';

const INFO_LIFETIME_MS = 4000;

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useDesignStore((s) => s.dismissNotice);
  useEffect(() => {
    if (notice.tone !== 'info') return;
    const timer = setTimeout(() => dismiss(notice.id), INFO_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <p>{notice.message}</p>
      <button type="button" aria-label="Dismiss message" onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useDesignStore((s) => s.notices);
  return (
    <div className="notices" aria-label="Messages">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </div>
  );
}
