// Entry: a small script that sends the first requests (./boot) and only then loads the application, so the store
// answers them while the browser fetches, parses and runs the application's code.
import './boot';
import './styles.css';

void import('./start');
