import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { followLang } from '../../lib/ui/settings';
import { CommitmentsSection } from './sections/CommitmentsSection';
import { DataSection } from './sections/DataSection';
import { FreightSection } from './sections/FreightSection';
import { HoursSection } from './sections/HoursSection';
import { MetricsSection } from './sections/MetricsSection';
import { ProblemItemsSection } from './sections/ProblemItemsSection';
import { RepliesSection } from './sections/RepliesSection';
import { RulesSection } from './sections/RulesSection';
import { ShopSection } from './sections/ShopSection';
import { TeamSection } from './sections/TeamSection';
// The privacy policy (PRIVACY.md), shipped in the options page as text.
import privacyPolicy from '../../PRIVACY.md?raw';

const SECTIONS = [
  ['shop', '店铺', 'Shop', ShopSection],
  ['commitments', '服务承诺', 'Commitments', CommitmentsSection],
  ['freight', '运费表', 'Freight table', FreightSection],
  ['rules', '平台规则', 'Rules', RulesSection],
  ['hours', '工作时间与提醒', 'Hours & alerts', HoursSection],
  ['replies', '回复模板', 'Replies', RepliesSection],
  ['report', '日报', 'Daily report', ReportLink],
  ['problem-items', '问题商品', 'Problem items', ProblemItemsSection],
  ['metrics', '数据统计', 'Metrics', MetricsSection],
  ['data', '数据管理', 'Data', DataSection],
  ['team', '团队同步', 'Team sync', TeamSection],
] as const;

/** 日报 is its own page (report.html): it reads only the day it shows, and prints as it is. */
function ReportLink() {
  return (
    <>
      <p class="muted">
        某一天的新增、已结束、超时由平台处理的售后单，退款金额，平均首次处理用时，主要原因（按类型），近 14
        天走势；可打印，可导出 Excel。只统计本浏览器看到的记录。
      </p>
      <a
        class="button"
        href={browser.runtime.getURL('/report.html')}
        target="_blank"
        rel="noreferrer"
        data-testid="open-report"
      >
        打开日报（默认昨日）
      </a>
    </>
  );
}

function About() {
  return (
    <>
      <p>售后雷达只读取您在卖家中心打开的售后页面，从不点击「同意」、从不提交任何内容，也不持有任何登录凭证。</p>
      <p>
        <b>数据只保存在本浏览器：</b>
        售后单（买家昵称打码、不读取手机号）、处理记录、备注、承诺、模板和设置存放在本扩展自己的 IndexedDB
        中；不会发送到任何服务器。只有店铺在「团队同步」中开启同步后，才与您填写的本店服务器同步（不含登录凭证和页面原始数据）。已结束的售后单默认保留
        180 天（可在「数据管理」修改），随时可以导出或清空。
      </p>
      <p class="muted">
        AfterSales Radar reads the after-sales pages you open, never acts on them, and keeps everything in this browser.
        Nothing leaves it, unless the shop turns on team sync with its own server.
      </p>
      <details id="privacy-policy" data-testid="privacy-policy">
        <summary>隐私政策全文 Privacy policy（PRIVACY.md）</summary>
        <pre class="privacy">{privacyPolicy}</pre>
      </details>
    </>
  );
}

export function App() {
  const [lang, setLang] = useState<'zh' | 'en'>('zh');
  useEffect(() => followLang(setLang), []);
  // English first when chosen; the Chinese stays beside it (staff share these terms with the platform).
  const title = (zh: string, en: string) =>
    lang === 'en' ? [en, ' ', <small key="zh">{zh}</small>] : [zh, ' ', <small key="en">{en}</small>];
  return (
    <div class="layout">
      <nav aria-label="设置导航">
        <h1>{lang === 'en' ? 'AfterSales Radar settings' : '售后雷达 设置'}</h1>
        {SECTIONS.map(([id, zh, en]) => (
          <a key={id} href={`#${id}`}>
            {title(zh, en)}
          </a>
        ))}
        <a href="#about">{title('关于与隐私', 'About & privacy')}</a>
      </nav>
      <main>
        {SECTIONS.map(([id, zh, en, Section]) => (
          <section key={id} id={id} aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>{title(zh, en)}</h2>
            <Section />
          </section>
        ))}
        <section id="about" aria-labelledby="about-title">
          <h2 id="about-title">{title('关于与隐私', 'About & privacy')}</h2>
          <About />
        </section>
      </main>
    </div>
  );
}
