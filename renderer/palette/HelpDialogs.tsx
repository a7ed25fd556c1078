// The Help menu's pages, in the app on every face: About (version, the open workbook's file), the
// transition pack format (docs/pack-format.md, bundled at build time) and the keyboard shortcuts.
import packFormat from '../../docs/pack-format.md?raw';
import { COMMAND_NAMES, COMMANDS } from '../../shared/commands';
import { useInfo } from '../app/store';
import { LEGEND_KEY, LegendKeys } from '../checklists/KeyLegend';
import { AppDialog } from '../ui/Dialog';
import { shortcutOf } from './keys';
import { Markdown } from './Markdown';

interface DialogProps {
  isOpen: boolean;
  onClose(): void;
}

export function AboutDialog({ isOpen, onClose }: DialogProps) {
  const info = useInfo();
  return (
    <AppDialog title="About Handover Workbook" isOpen={isOpen} onClose={onClose} size="small">
      <p>An offline workbook for leaving an IT outsourcing vendor well.</p>
      <dl className="about-facts">
        <dt>Version</dt>
        <dd>{info?.appVersion}</dd>
        <dt>Workbook</dt>
        <dd className="about-path">{info?.workbookPath}</dd>
        <dt>Schema version</dt>
        <dd>{info?.schemaVersion}</dd>
      </dl>
    </AppDialog>
  );
}

export function PackFormatDialog({ isOpen, onClose }: DialogProps) {
  return (
    <AppDialog title="Transition pack format" isOpen={isOpen} onClose={onClose} size="large">
      <Markdown text={packFormat} />
    </AppDialog>
  );
}

export function ShortcutsDialog({ isOpen, onClose }: DialogProps) {
  const rows = COMMAND_NAMES.filter((name) => COMMANDS[name].accelerator);
  return (
    <AppDialog title="Keyboard shortcuts" isOpen={isOpen} onClose={onClose} size="medium">
      <table className="shortcuts-table">
        <caption className="visually-hidden">Shortcuts that work anywhere in the app</caption>
        <tbody>
          {rows.map((name) => (
            <tr key={name}>
              <th scope="row">{COMMANDS[name].label}</th>
              <td>
                <kbd>{shortcutOf(name)}</kbd>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Show or hide the checklist keys</th>
            <td>
              <kbd>{LEGEND_KEY}</kbd>
            </td>
          </tr>
        </tbody>
      </table>
      <h3 className="shortcuts-heading">On a checklist</h3>
      <p className="key-legend">
        <LegendKeys />
      </p>
    </AppDialog>
  );
}
