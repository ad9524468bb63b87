/** 状态文字: the status wordings staff taught the reader, per seller host and case kind; each can be removed. */
import { CASE_KINDS, type CaseStatus } from '../../../lib/shared/types';
import { KIND_LABEL, STATUS_NAME } from '../../../lib/ui/format';
import { TaughtSection } from './TaughtSection';

const statusText = (s: CaseStatus) => (s === 'UNKNOWN' ? s : STATUS_NAME[s].zh);

export function TaughtStatuses() {
  return (
    <TaughtSection
      title="状态文字 Taught statuses"
      intro="在侧栏“这是什么状态？”中教过的状态文字（按网站和售后类型），随导出文件带给同事。"
      list={{ type: 'statuses/taught' }}
      initial={{}}
      rowsOf={(taught) =>
        Object.entries(taught).flatMap(([host, kinds]) =>
          CASE_KINDS.flatMap((kind) =>
            Object.entries(kinds[kind] ?? {}).map(([wording, status]) => ({ host, kind, wording, status })),
          ),
        )
      }
      empty={{ text: '还没有教过的状态文字。', testId: 'taught-statuses-none' }}
      table={(rows, remove) => (
        <table class="taught" data-testid="taught-statuses">
          <thead>
            <tr>
              <th>网站 Host</th>
              <th>类型 Kind</th>
              <th>页面文字 Wording</th>
              <th>状态 Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map(({ host, kind, wording, status }) => (
              <tr key={`${host}|${kind}|${wording}`} data-wording={wording}>
                <td>{host}</td>
                <td>{KIND_LABEL[kind]}</td>
                <td>{wording}</td>
                <td>{statusText(status)}</td>
                <td>
                  <button type="button" onClick={() => remove({ type: 'statuses/teach', host, kind, wording })}>
                    删除 Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
