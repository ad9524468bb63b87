/** 页面标签: the labels staff taught the reader, per seller host; each can be removed. */
import { TEACHABLE_FIELDS } from '../../../lib/page/vocabulary';
import { TaughtSection } from './TaughtSection';

const meaningText = (m: string) =>
  m === 'ignore' ? '忽略 ignore' : (TEACHABLE_FIELDS.find((f) => f.field === m)?.zh ?? m);

export function TaughtLabels() {
  return (
    <TaughtSection
      title="页面标签 Taught labels"
      intro="在侧栏“教一教”中教过的页面标签。它们只会增加识别的标签，并随导出文件带给同事。"
      list={{ type: 'labels/taught' }}
      initial={{}}
      rowsOf={(taught) => Object.entries(taught)}
      empty={{ text: '还没有教过的标签。', testId: 'taught-none' }}
      table={(hosts, remove) =>
        hosts.map(([host, labels]) => (
          <table key={host} class="taught" data-testid="taught" data-host={host}>
            <caption>{host}</caption>
            <tbody>
              {Object.entries(labels).map(([label, meaning]) => (
                <tr key={label} data-label={label}>
                  <td>{label}</td>
                  <td>{meaningText(meaning)}</td>
                  <td>
                    <button type="button" onClick={() => remove({ type: 'labels/teach', host, label })}>
                      删除 Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))
      }
    />
  );
}
