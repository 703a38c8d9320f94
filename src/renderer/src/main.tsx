import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>年报审校</div>);
