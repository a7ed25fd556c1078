// The command palette (Ctrl/Cmd+Shift+P): type to filter every action, arrows to move, Enter to
// run, Escape to close. On react-aria: the field keeps focus while the list's active option is
// announced, the dialog traps focus and gives it back to what was focused before.
import { Autocomplete, Dialog, Header, Input, ListBox, ListBoxItem, ListBoxSection, Modal, ModalOverlay, SearchField, useFilter } from 'react-aria-components';
import { SECTIONS, type PaletteAction } from './actions';

export function CommandPalette({ isOpen, onClose, actions }: { isOpen: boolean; onClose(): void; actions: PaletteAction[] }) {
  const { contains } = useFilter({ sensitivity: 'base' });
  const byId = new Map(actions.map((a) => [a.id, a]));
  const sections = SECTIONS.map((section) => ({ section, items: actions.filter((a) => a.section === section) })).filter((s) => s.items.length > 0);
  const run = (id: string) => {
    const action = byId.get(id);
    onClose();
    action?.run();
  };
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable className="modal-overlay palette-overlay">
      <Modal className="modal modal-medium palette">
        <Dialog className="dialog palette-dialog" aria-label="Command palette">
          <Autocomplete filter={contains}>
            <SearchField aria-label="Command" className="palette-field" autoFocus>
              <Input className="input palette-input" placeholder="Type a command or a screen…" />
            </SearchField>
            <ListBox
              aria-label="Commands"
              className="listbox palette-list"
              onAction={(key) => run(String(key))}
              renderEmptyState={() => <div className="listbox-empty">No command matches.</div>}
            >
              {sections.map(({ section, items }) => (
                <ListBoxSection key={section} id={section} className="listbox-section">
                  <Header className="listbox-header">{section}</Header>
                  {items.map((a) => (
                    <ListBoxItem key={a.id} id={a.id} textValue={a.label} className="listbox-item palette-item">
                      <span className="palette-label">{a.label}</span>
                      {a.shortcut && <kbd className="palette-shortcut">{a.shortcut}</kbd>}
                    </ListBoxItem>
                  ))}
                </ListBoxSection>
              ))}
            </ListBox>
          </Autocomplete>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
