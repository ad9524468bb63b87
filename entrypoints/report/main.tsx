/**
 * 日报: its own page (report.html), opened from the options page and the popup's 昨日. On its own so
 * that it reads only what it shows (the options page's other sections read the whole ledger) and
 * prints as it is.
 */
import './style.css';
import { render } from 'preact';
import { Report } from './Report';

render(
  <main class="report-page">
    <h1>
      售后雷达 日报 <small>Daily report</small>
    </h1>
    <Report />
  </main>,
  document.getElementById('app')!,
);
