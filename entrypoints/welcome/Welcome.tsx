/**
 * The welcome page, opened once when the extension is installed: what it does and never does; the shop's
 * basics (skippable, saved where the options page keeps them); then 打开退款管理 to start.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Platform } from '../../lib/shared/types';
import { FIRST_RUN_COMMITMENTS, saveShopBasics, type FirstRunCommitment } from '../../lib/storage/first-run';
import { REFUND_LIST_URL } from '../../lib/page/urls';
import { chinaDateToIso, chinaToday, db, settingsChanged } from '../options/shared';

const STEP_TITLES = ['售后雷达能做什么', '本店基本信息', '开始使用'];

function Step({ n, children }: { n: number; children: preact.ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Each step's heading takes the focus, so a keyboard or screen-reader user starts at its top.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section data-step={n} aria-labelledby={`step-${n}`}>
      <p class="steps">
        第 {n} 步，共 {STEP_TITLES.length} 步
      </p>
      <h2 id={`step-${n}`} tabIndex={-1} ref={heading}>
        {STEP_TITLES[n - 1]}
      </h2>
      {children}
    </section>
  );
}

function WhatItDoes({ next }: { next: () => void }) {
  return (
    <Step n={1}>
      <p>在淘宝、天猫卖家后台的售后页面（退款管理、换货管理、退货邮费）旁边帮您盯住时限：</p>
      <ul>
        <li>读取页面上的售后单，在每一行和页面右侧的侧栏里显示平台自动处理前的倒计时；</li>
        <li>给出处理建议和原因、运费与赔付的判断，以及可一键放进留言框的回复；</li>
        <li>在本机记下每一单（台账、日报），平台自动处理前 24、6、1 小时提醒您。</li>
      </ul>
      <p>
        <b>它从不：</b>
        替您点「同意」或提交任何操作；保存账号密码；把数据发到任何服务器（团队同步默认关闭，开启后只发往本店自己的服务器）；在卖家后台以外的网站上运行。
      </p>
      <div class="buttons">
        <button type="button" class="primary" onClick={next}>
          下一步
        </button>
      </div>
    </Step>
  );
}

function ShopBasicsStep({ next }: { next: () => void }) {
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [hoursOn, setHoursOn] = useState(false);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('18:00');
  const [weekends, setWeekends] = useState(false);
  const [promises, setPromises] = useState<FirstRunCommitment[]>([]);
  const [error, setError] = useState<string>();
  const save = async () => {
    try {
      const written = await saveShopBasics(
        db,
        {
          ...(platform ? { platform } : {}),
          ...(hoursOn
            ? { workingHours: { days: weekends ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5], start, end } }
            : {}),
          commitments: promises,
        },
        chinaDateToIso(chinaToday()),
      );
      if (written.length) await settingsChanged();
      next();
    } catch (e) {
      setError(`没能保存：${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <Step n={2}>
      <p class="muted">可以跳过；以后随时在「设置」里修改，那里还有全部承诺和规则。</p>
      <fieldset>
        <legend>平台</legend>
        {(
          [
            ['', '按页面判断'],
            ['taobao', '淘宝'],
            ['tmall', '天猫'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="platform"
              value={value}
              checked={platform === value}
              onChange={() => setPlatform(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>工作时间</legend>
        <label>
          <input type="checkbox" checked={hoursOn} onChange={(e) => setHoursOn(e.currentTarget.checked)} />
          按工作时间计算「下班前」和提醒
        </label>
        {hoursOn && (
          <div>
            <label>
              上班
              <input type="time" value={start} onInput={(e) => setStart(e.currentTarget.value)} />
            </label>
            <label>
              下班
              <input type="time" value={end} onInput={(e) => setEnd(e.currentTarget.value)} />
            </label>
            <label>
              <input type="checkbox" checked={weekends} onChange={(e) => setWeekends(e.currentTarget.checked)} />
              周末也上班
            </label>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>本店承诺（从今天起生效）</legend>
        {(Object.keys(FIRST_RUN_COMMITMENTS) as FirstRunCommitment[]).map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={promises.includes(c)}
              onChange={(e) =>
                setPromises(e.currentTarget.checked ? [...promises, c] : promises.filter((x) => x !== c))
              }
            />
            {FIRST_RUN_COMMITMENTS[c].title}
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="buttons">
        <button type="button" class="primary" onClick={() => void save()}>
          保存并继续
        </button>
        <button type="button" onClick={next}>
          跳过
        </button>
      </div>
    </Step>
  );
}

function Start() {
  return (
    <Step n={3}>
      <p>
        打开卖家中心的退款管理，售后雷达会读取页面上的售后单：每一行旁边显示倒计时，页面右侧是侧栏（Alt+Shift+R
        收起或展开）。换货管理和退货邮费页面也一样。
      </p>
      <div class="buttons">
        <a class="button primary" href={REFUND_LIST_URL} data-testid="open-refund-list">
          打开退款管理
        </a>
        <a class="button" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          打开设置
        </a>
      </div>
    </Step>
  );
}

export function Welcome() {
  const [step, setStep] = useState(1);
  return (
    <main>
      <h1>欢迎使用售后雷达</h1>
      {step === 1 && <WhatItDoes next={() => setStep(2)} />}
      {step === 2 && <ShopBasicsStep next={() => setStep(3)} />}
      {step === 3 && <Start />}
    </main>
  );
}
