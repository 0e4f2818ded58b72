<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Preventive activities</source>
            <translation>Preventive activities</translation>
        </message>
        <message>
            <source>Information sessions, training, policy advice and consultations. Record no persons, only what kind of activity and how long.</source>
            <translation>Information sessions, training, policy advice and consultations. Record no persons, only what kind of activity and how long.</translation>
        </message>
        <message>
            <source>Add activity</source>
            <translation>Add activity</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>Remove activity</source>
            <translation>Remove activity</translation>
        </message>
        <message>
            <source>Remove this activity?</source>
            <translation>Remove this activity?</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>Preventive activity</source>
            <translation>Preventive activity</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>Add a client organisation first (Organisations).</source>
            <translation>Add a client organisation first (Organisations).</translation>
        </message>
    </context>
    <context>
        <name>CaseEditor</name>
        <message>
            <source>Edit case</source>
            <translation>Edit case</translation>
        </message>
        <message>
            <source>New case</source>
            <translation>New case</translation>
        </message>
        <message>
            <source>A pseudonymous code. Never a name or initials.</source>
            <translation>A pseudonymous code. Never a name or initials.</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <source>— not recorded —</source>
            <translation>— not recorded —</translation>
        </message>
        <message>
            <source>Only for an integrity violation (main or other behaviour).</source>
            <translation>Only for an integrity violation (main or other behaviour).</translation>
        </message>
        <message>
            <source>How the situation is when the case closes; asked when you close it.</source>
            <translation>How the situation is when the case closes; asked when you close it.</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Unit (optional)</source>
            <translation>Unit (optional)</translation>
        </message>
        <message>
            <source>Opened on</source>
            <translation>Opened on</translation>
        </message>
        <message>
            <source>Position of the person</source>
            <translation>Position of the person</translation>
        </message>
        <message>
            <source>Role in the case</source>
            <translation>Role in the case</translation>
        </message>
        <message>
            <source>Kind of behaviour</source>
            <translation>Kind of behaviour</translation>
        </message>
        <message>
            <source>Other behaviour (optional)</source>
            <translation>Other behaviour (optional)</translation>
        </message>
        <message>
            <source>Kind of integrity violation</source>
            <translation>Kind of integrity violation</translation>
        </message>
        <message>
            <source>Relation to the person it is about</source>
            <translation>Relation to the person it is about</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Other follow-up (optional)</source>
            <translation>Other follow-up (optional)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Add a client organisation first (Organisations).</source>
            <translation>Add a client organisation first (Organisations).</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Behaviour</source>
            <translation>Behaviour</translation>
        </message>
        <message>
            <source>Relation</source>
            <translation>Relation</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>Last contact</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <source>Properties</source>
            <translation>Properties</translation>
        </message>
        <message>
            <source>Reminders (tick off when done)</source>
            <translation>Reminders (tick off when done)</translation>
        </message>
        <message>
            <source>Reminders of this case</source>
            <translation>Reminders of this case</translation>
        </message>
        <message>
            <source>New conversation</source>
            <translation>New conversation</translation>
        </message>
        <message>
            <source>Edit case</source>
            <translation>Edit case</translation>
        </message>
        <message>
            <source>Decision aid</source>
            <translation>Decision aid</translation>
        </message>
        <message>
            <source>Close case…</source>
            <translation>Close case…</translation>
        </message>
        <message>
            <source>Reopen case</source>
            <translation>Reopen case</translation>
        </message>
        <message>
            <source>Remove case</source>
            <translation>Remove case</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <source>No case selected</source>
            <translation>No case selected</translation>
        </message>
        <message>
            <source>Case {code}</source>
            <translation>Case {code}</translation>
        </message>
        <message>
            <source>since {date}</source>
            <translation>since {date}</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Opened on</source>
            <translation>Opened on</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Position of the person</source>
            <translation>Position of the person</translation>
        </message>
        <message>
            <source>Role in the case</source>
            <translation>Role in the case</translation>
        </message>
        <message>
            <source>Kind of behaviour</source>
            <translation>Kind of behaviour</translation>
        </message>
        <message>
            <source>Relation</source>
            <translation>Relation</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Kind of integrity violation</source>
            <translation>Kind of integrity violation</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>removed on {date} (retention)</source>
            <translation>removed on {date} (retention)</translation>
        </message>
        <message>
            <source>Open required checklist items ({n})</source>
            <translation>Open required checklist items ({n})</translation>
        </message>
        <message>
            <source>{n} min</source>
            <translation>{n} min</translation>
        </message>
        <message>
            <source>possible identifier kept</source>
            <translation>possible identifier kept</translation>
        </message>
        <message>
            <source>(details removed)</source>
            <translation>(details removed)</translation>
        </message>
        <message>
            <source>Decision aid: {route}</source>
            <translation>Decision aid: {route}</translation>
        </message>
    </context>
    <context>
        <name>CasesPage</name>
        <message>
            <source>Search code or organisation (Ctrl+F)</source>
            <translation>Search code or organisation (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search cases</source>
            <translation>Search cases</translation>
        </message>
        <message>
            <source>New case</source>
            <translation>New case</translation>
        </message>
        <message>
            <source>Filter by organisation</source>
            <translation>Filter by organisation</translation>
        </message>
        <message>
            <source>Filter by year</source>
            <translation>Filter by year</translation>
        </message>
        <message>
            <source>Filter by status</source>
            <translation>Filter by status</translation>
        </message>
        <message>
            <source>Filter by behaviour</source>
            <translation>Filter by behaviour</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>All behaviour</source>
            <translation>All behaviour</translation>
        </message>
        <message>
            <source>All organisations</source>
            <translation>All organisations</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>All years</translation>
        </message>
        <message>
            <source>{shown} of {total} cases</source>
            <translation>{shown} of {total} cases</translation>
        </message>
    </context>
    <context>
        <name>ChangePassphraseDialog</name>
        <message>
            <source>Change passphrase</source>
            <translation>Change passphrase</translation>
        </message>
        <message>
            <source>The vault is encrypted again with the new passphrase. Backups you made earlier still open with the old one.</source>
            <translation>The vault is encrypted again with the new passphrase. Backups you made earlier still open with the old one.</translation>
        </message>
        <message>
            <source>Current passphrase</source>
            <translation>Current passphrase</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>New passphrase</translation>
        </message>
        <message>
            <source>Repeat new passphrase</source>
            <translation>Repeat new passphrase</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>Strength</translation>
        </message>
        <message>
            <source>Type your current passphrase first.</source>
            <translation>Type your current passphrase first.</translation>
        </message>
        <message>
            <source>The passphrase is too short: use at least 8 characters.</source>
            <translation>The passphrase is too short: use at least 8 characters.</translation>
        </message>
        <message>
            <source>The two passphrases differ. Type them again.</source>
            <translation>The two passphrases differ. Type them again.</translation>
        </message>
        <message>
            <source>This passphrase is too easy to guess. Add a few words.</source>
            <translation>This passphrase is too easy to guess. Add a few words.</translation>
        </message>
    </context>
    <context>
        <name>ChecklistPanel</name>
        <message>
            <source>Checklist progress</source>
            <translation>Checklist progress</translation>
        </message>
        <message>
            <source>Required items still open</source>
            <translation>Required items still open</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Show the guidance that applies</source>
            <translation>Show the guidance that applies</translation>
        </message>
        <message>
            <source>Guidance applies after the answer to: %1</source>
            <translation>Guidance applies after the answer to: %1</translation>
        </message>
        <message>
            <source>No checklist selected.</source>
            <translation>No checklist selected.</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>Still open (required): %1</source>
            <translation>Still open (required): %1</translation>
        </message>
        <message>
            <source>All required items are done.</source>
            <translation>All required items are done.</translation>
        </message>
        <message>
            <source>Answers from an earlier version of this checklist:</source>
            <translation>Answers from an earlier version of this checklist:</translation>
        </message>
    </context>
    <context>
        <name>CloseCaseDialog</name>
        <message>
            <source>Close case {code}</source>
            <translation>Close case {code}</translation>
        </message>
        <message>
            <source>Closing date</source>
            <translation>Closing date</translation>
        </message>
        <message>
            <source>Follow-up after closing</source>
            <translation>Follow-up after closing</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>How the situation at work is now, as the person experiences it. It counts in the annual report.</source>
            <translation>How the situation at work is now, as the person experiences it. It counts in the annual report.</translation>
        </message>
        <message>
            <source>What changes</source>
            <translation>What changes</translation>
        </message>
        <message>
            <source>{n} required checklist items are still open. You can close the case anyway; they stay visible in the conversations.</source>
            <translation>{n} required checklist items are still open. You can close the case anyway; they stay visible in the conversations.</translation>
        </message>
        <message>
            <source>Close case</source>
            <translation>Close case</translation>
        </message>
        <message>
            <source>Status: open → closed on {date}</source>
            <translation>Status: open → closed on {date}</translation>
        </message>
        <message>
            <source>Follow-up: {old} → {new}</source>
            <translation>Follow-up: {old} → {new}</translation>
        </message>
        <message>
            <source>Outcome: {outcome}</source>
            <translation>Outcome: {outcome}</translation>
        </message>
        <message>
            <source>These reminders are ticked off:</source>
            <translation>These reminders are ticked off:</translation>
        </message>
        <message>
            <source>There are no open reminders.</source>
            <translation>There are no open reminders.</translation>
        </message>
        <message>
            <source>The retention period starts on the closing date.</source>
            <translation>The retention period starts on the closing date.</translation>
        </message>
    </context>
    <context>
        <name>CombinedTableModel</name>
        <message>
            <source>Not shown: an adviser hid part of this figure to protect small numbers, so the sum is not shown either. It is not a small number itself.</source>
            <translation>Not shown: an adviser hid part of this figure to protect small numbers, so the sum is not shown either. It is not a small number itself.</translation>
        </message>
        <message>
            <source>Unknown: a source does not list this category separately.</source>
            <translation>Unknown: a source does not list this category separately.</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>ContactEditor</name>
        <message>
            <source>Conversation</source>
            <translation>Conversation</translation>
        </message>
        <message>
            <source>New conversation</source>
            <translation>New conversation</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Facts related to the matter only. No names, phone numbers or other details that identify someone.</source>
            <translation>Facts related to the matter only. No names, phone numbers or other details that identify someone.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duration</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Kind of conversation</source>
            <translation>Kind of conversation</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>Checklist</translation>
        </message>
        <message>
            <source>(no checklist)</source>
            <translation>(no checklist)</translation>
        </message>
        <message>
            <source>Copy notes</source>
            <translation>Copy notes</translation>
        </message>
        <message>
            <source>Possible identifiers</source>
            <translation>Possible identifiers</translation>
        </message>
        <message>
            <source>These checklist answers may identify someone:

{lines}

Save them anyway? The conversation is then marked. Choose No to change the answers first.</source>
            <translation>These checklist answers may identify someone:

{lines}

Save them anyway? The conversation is then marked. Choose No to change the answers first.</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Welcome. Start by adding the organisations you work for; then you can record cases and conversations.</source>
            <translation>Welcome. Start by adding the organisations you work for; then you can record cases and conversations.</translation>
        </message>
        <message>
            <source>Add an organisation…</source>
            <translation>Add an organisation…</translation>
        </message>
        <message>
            <source>Open cases</source>
            <translation>Open cases</translation>
        </message>
        <message>
            <source>Follow-ups due this week</source>
            <translation>Follow-ups due this week</translation>
        </message>
        <message>
            <source>Conversations with a possible identifier</source>
            <translation>Conversations with a possible identifier</translation>
        </message>
        <message>
            <source>Cases whose details fall due for removal</source>
            <translation>Cases whose details fall due for removal</translation>
        </message>
        <message>
            <source>Follow-ups and terms (this week and overdue)</source>
            <translation>Follow-ups and terms (this week and overdue)</translation>
        </message>
        <message>
            <source>Conversations with a possible identifier (open one to review it)</source>
            <translation>Conversations with a possible identifier (open one to review it)</translation>
        </message>
        <message>
            <source>Cases opened this year per organisation</source>
            <translation>Cases opened this year per organisation</translation>
        </message>
        <message>
            <source>Follow-ups and terms; tick one off when done</source>
            <translation>Follow-ups and terms; tick one off when done</translation>
        </message>
        <message>
            <source>Nothing due this week.</source>
            <translation>Nothing due this week.</translation>
        </message>
        <message>
            <source>Cases opened in {year} per organisation</source>
            <translation>Cases opened in {year} per organisation</translation>
        </message>
    </context>
    <context>
        <name>DecisionWizard</name>
        <message>
            <source>Decision aid: which route fits?</source>
            <translation>Decision aid: which route fits?</translation>
        </message>
        <message>
            <source>Enter a number</source>
            <translation>Enter a number</translation>
        </message>
        <message>
            <source>Advice</source>
            <translation>Advice</translation>
        </message>
        <message>
            <source>A route to discuss (the person decides)</source>
            <translation>A route to discuss (the person decides)</translation>
        </message>
        <message>
            <source>Answers so far</source>
            <translation>Answers so far</translation>
        </message>
        <message>
            <source>Reasons so far</source>
            <translation>Reasons so far</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Back</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Next &gt;</translation>
        </message>
        <message>
            <source>Save with case</source>
            <translation>Save with case</translation>
        </message>
        <message>
            <source>Save handout as PDF…</source>
            <translation>Save handout as PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message numerus="yes">
            <source>Question %n</source>
            <translation>
                <numerusform>Question %n</numerusform>
                <numerusform>Question %n</numerusform>
            </translation>
        </message>
        <message>
            <source>Other routes that also apply</source>
            <translation>Other routes that also apply</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <source>Help lines</source>
            <translation>Help lines</translation>
        </message>
        <message>
            <source>What this route asks</source>
            <translation>What this route asks</translation>
        </message>
        <message>
            <source>Terms</source>
            <translation>Terms</translation>
        </message>
        <message>
            <source>Rules that apply</source>
            <translation>Rules that apply</translation>
        </message>
        <message>
            <source>Still needed</source>
            <translation>Still needed</translation>
        </message>
        <message>
            <source>Answers</source>
            <translation>Answers</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Reasons</translation>
        </message>
        <message>
            <source>The advice is saved with the case.</source>
            <translation>The advice is saved with the case.</translation>
        </message>
        <message>
            <source>The handout is ready.</source>
            <translation>The handout is ready.</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <source>Export PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>Export JSON</source>
            <translation>Export JSON</translation>
        </message>
        <message>
            <source>Export signed statistics</source>
            <translation>Export signed statistics</translation>
        </message>
        <message>
            <source>Export Excel</source>
            <translation>Export Excel</translation>
        </message>
        <message>
            <source>The text 'Signals and recommendations' may point at people: the privacy check found {kinds}. Print it as it is anyway? Choose No to rewrite it in general terms first.</source>
            <translation>The text 'Signals and recommendations' may point at people: the privacy check found {kinds}. Print it as it is anyway? Choose No to rewrite it in general terms first.</translation>
        </message>
        <message>
            <source>Figures for this organisation and year were published before, and these differ. A reader who has both versions could compare them and work hidden figures back. Publish a new version anyway? Every figure hidden before stays hidden, and all versions are checked together; if that check fails, nothing is written.</source>
            <translation>Figures for this organisation and year were published before, and these differ. A reader who has both versions could compare them and work hidden figures back. Publish a new version anyway? Every figure hidden before stays hidden, and all versions are checked together; if that check fails, nothing is written.</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>Writing {file}…</translation>
        </message>
        <message>
            <source>The export was completed before the vault was locked: {path}</source>
            <translation>The export was completed before the vault was locked: {path}</translation>
        </message>
        <message>
            <source>The export was stopped by locking; nothing was written. Export again.</source>
            <translation>The export was stopped by locking; nothing was written. Export again.</translation>
        </message>
        <message>
            <source>The file was written: {path}</source>
            <translation>The file was written: {path}</translation>
        </message>
        <message>
            <source>The published figures were recorded in the vault, so next year's report can compare with them.</source>
            <translation>The published figures were recorded in the vault, so next year's report can compare with them.</translation>
        </message>
        <message>
            <source>The export failed</source>
            <translation>The export failed</translation>
        </message>
        <message>
            <source>{what}: {reason}. Nothing was written. Choose another folder and try again.</source>
            <translation>{what}: {reason}. Nothing was written. Choose another folder and try again.</translation>
        </message>
        <message>
            <source>{what} because of an unexpected problem ({reason}). Nothing was written. Try again; if it keeps failing, make a backup and report the problem.</source>
            <translation>{what} because of an unexpected problem ({reason}). Nothing was written. Try again; if it keeps failing, make a backup and report the problem.</translation>
        </message>
        <message>
            <source>PDF preview</source>
            <translation>PDF preview</translation>
        </message>
        <message>
            <source>Making the preview…</source>
            <translation>Making the preview…</translation>
        </message>
        <message>
            <source>The preview failed</source>
            <translation>The preview failed</translation>
        </message>
    </context>
    <context>
        <name>FindingsDialog</name>
        <message>
            <source>Possible identifiers</source>
            <translation>Possible identifiers</translation>
        </message>
        <message>
            <source>These parts of the text may identify a person. Ticked items are replaced by a placeholder such as [naam]. Untick what you deliberately keep; the conversation is then marked until it is cleaned.</source>
            <translation>These parts of the text may identify a person. Ticked items are replaced by a placeholder such as [naam]. Untick what you deliberately keep; the conversation is then marked until it is cleaned.</translation>
        </message>
        <message>
            <source>Replace ticked items and save</source>
            <translation>Replace ticked items and save</translation>
        </message>
        <message>
            <source>Back to editing</source>
            <translation>Back to editing</translation>
        </message>
    </context>
    <context>
        <name>ListPage</name>
        <message>
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;New case</source>
            <translation>&amp;New case</translation>
        </message>
        <message>
            <source>&amp;Search cases</source>
            <translation>&amp;Search cases</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>&amp;Lock</translation>
        </message>
        <message>
            <source>Make &amp;backup…</source>
            <translation>Make &amp;backup…</translation>
        </message>
        <message>
            <source>&amp;Restore from backup…</source>
            <translation>&amp;Restore from backup…</translation>
        </message>
        <message>
            <source>&amp;Import data…</source>
            <translation>&amp;Import data…</translation>
        </message>
        <message>
            <source>Import from &amp;spreadsheet…</source>
            <translation>Import from &amp;spreadsheet…</translation>
        </message>
        <message>
            <source>Change &amp;passphrase…</source>
            <translation>Change &amp;passphrase…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;About Vertrouwd</source>
            <translation>&amp;About Vertrouwd</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Main toolbar</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Lock</translation>
        </message>
        <message>
            <source>Not locked: {what} could not be kept. Save or copy it, then lock again.</source>
            <translation>Not locked: {what} could not be kept. Save or copy it, then lock again.</translation>
        </message>
        <message>
            <source>The vault was locked automatically, but {what} could not be kept.</source>
            <translation>The vault was locked automatically, but {what} could not be kept.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>The language was not switched yet: {what} could not be kept. Save your work and choose the language again.</source>
            <translation>The language was not switched yet: {what} could not be kept. Save your work and choose the language again.</translation>
        </message>
        <message>
            <source>Make backup</source>
            <translation>Make backup</translation>
        </message>
        <message>
            <source>Vertrouwd backup (*.vbak)</source>
            <translation>Vertrouwd backup (*.vbak)</translation>
        </message>
        <message>
            <source>vertrouwd-backup-{date}.vbak</source>
            <translation>vertrouwd-backup-{date}.vbak</translation>
        </message>
        <message>
            <source>The backup failed: {reason}. Your vault is unchanged; choose another location and try again.</source>
            <translation>The backup failed: {reason}. Your vault is unchanged; choose another location and try again.</translation>
        </message>
        <message>
            <source>Making backup…</source>
            <translation>Making backup…</translation>
        </message>
        <message>
            <source>The encrypted backup was written. It opens with your current passphrase.</source>
            <translation>The encrypted backup was written. It opens with your current passphrase.</translation>
        </message>
        <message>
            <source>The backup was completed before the vault was locked: {path}</source>
            <translation>The backup was completed before the vault was locked: {path}</translation>
        </message>
        <message>
            <source>The backup was stopped by locking; nothing was written. Make the backup again.</source>
            <translation>The backup was stopped by locking; nothing was written. Make the backup again.</translation>
        </message>
        <message>
            <source>The backup failed: {reason}.</source>
            <translation>The backup failed: {reason}.</translation>
        </message>
        <message>
            <source>Import data</source>
            <translation>Import data</translation>
        </message>
        <message>
            <source>Vertrouwd data (*.json)</source>
            <translation>Vertrouwd data (*.json)</translation>
        </message>
        <message>
            <source>Imported: {cases} cases with {contacts} conversations, {organisations} organisations and {activities} activities.</source>
            <translation>Imported: {cases} cases with {contacts} conversations, {organisations} organisations and {activities} activities.</translation>
        </message>
        <message>
            <source>Nothing was imported: {reason}</source>
            <translation>Nothing was imported: {reason}</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>The import was completed before the vault was locked.</source>
            <translation>The import was completed before the vault was locked.</translation>
        </message>
        <message>
            <source>The import was stopped by locking; nothing was imported. Import again.</source>
            <translation>The import was stopped by locking; nothing was imported. Import again.</translation>
        </message>
        <message>
            <source>Import from spreadsheet</source>
            <translation>Import from spreadsheet</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv)</source>
            <translation>Spreadsheets (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>Change passphrase</source>
            <translation>Change passphrase</translation>
        </message>
        <message>
            <source>The passphrase was not changed: {reason}. The old passphrase still opens the vault.</source>
            <translation>The passphrase was not changed: {reason}. The old passphrase still opens the vault.</translation>
        </message>
        <message>
            <source>Encrypting again…</source>
            <translation>Encrypting again…</translation>
        </message>
        <message>
            <source>The passphrase was changed. Use the new one from now on.</source>
            <translation>The passphrase was changed. Use the new one from now on.</translation>
        </message>
        <message>
            <source>The passphrase was not changed: the vault was locked first. The old passphrase still opens it.</source>
            <translation>The passphrase was not changed: the vault was locked first. The old passphrase still opens it.</translation>
        </message>
        <message>
            <source>Restore from backup</source>
            <translation>Restore from backup</translation>
        </message>
        <message>
            <source>This replaces the current vault with the backup. A copy of the current vault is kept beside it. Continue?</source>
            <translation>This replaces the current vault with the backup. A copy of the current vault is kept beside it. Continue?</translation>
        </message>
        <message>
            <source>Passphrase that was valid when the backup was made:</source>
            <translation>Passphrase that was valid when the backup was made:</translation>
        </message>
        <message>
            <source>The vault was restored. Unlock it with the passphrase of the backup.</source>
            <translation>The vault was restored. Unlock it with the passphrase of the backup.</translation>
        </message>
        <message>
            <source>Nothing was restored: {reason}</source>
            <translation>Nothing was restored: {reason}</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>Restoring…</translation>
        </message>
        <message>
            <source>About Vertrouwd</source>
            <translation>About Vertrouwd</translation>
        </message>
        <message>
            <source>Vertrouwd {version}: an encrypted case log for confidential advisers. Your records stay on this computer.</source>
            <translation>Vertrouwd {version}: an encrypted case log for confidential advisers. Your records stay on this computer.</translation>
        </message>
    </context>
    <context>
        <name>NarrativePanel</name>
        <message>
            <source>Signals and recommendations</source>
            <translation>Signals and recommendations</translation>
        </message>
        <message>
            <source>Describe patterns and advice for the organisation, never single incidents or people. Saved in the vault for this organisation and year.</source>
            <translation>Describe patterns and advice for the organisation, never single incidents or people. Saved in the vault for this organisation and year.</translation>
        </message>
        <message>
            <source>An overview of all organisations has no text of its own. Choose one organisation to write its signals and recommendations.</source>
            <translation>An overview of all organisations has no text of its own. Choose one organisation to write its signals and recommendations.</translation>
        </message>
        <message>
            <source>For example: several people mentioned the tone in team meetings; advice: make the code of conduct part of the introduction of new staff.</source>
            <translation>For example: several people mentioned the tone in team meetings; advice: make the code of conduct part of the introduction of new staff.</translation>
        </message>
        <message>
            <source>The privacy check marks possible identifiers: {kinds}. Write about patterns, not about people.</source>
            <translation>The privacy check marks possible identifiers: {kinds}. Write about patterns, not about people.</translation>
        </message>
    </context>
    <context>
        <name>OpenItemsTree</name>
        <message>
            <source>Open required checklist items</source>
            <translation>Open required checklist items</translation>
        </message>
        <message>
            <source>{date} · {checklist}: {n} open</source>
            <translation>{date} · {checklist}: {n} open</translation>
        </message>
        <message>
            <source>checklist</source>
            <translation>checklist</translation>
        </message>
    </context>
    <context>
        <name>OrganisationDialog</name>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>One unit or department per line (optional)</source>
            <translation>One unit or department per line (optional)</translation>
        </message>
        <message>
            <source>A sector switches on its own categories, such as pupil and parent for education. Cases keep the categories they already have.</source>
            <translation>A sector switches on its own categories, such as pupil and parent for education. Cases keep the categories they already have.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Units</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>Sector</translation>
        </message>
    </context>
    <context>
        <name>OrganisationsPage</name>
        <message>
            <source>Organisations</source>
            <translation>Organisations</translation>
        </message>
        <message>
            <source>Add organisation</source>
            <translation>Add organisation</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Units</translation>
        </message>
        <message>
            <source>Remove organisation</source>
            <translation>Remove organisation</translation>
        </message>
        <message>
            <source>Remove {name}?</source>
            <translation>Remove {name}?</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>This field is required.</source>
            <translation>This field is required.</translation>
        </message>
        <message>
            <source>Use a case code like 2026-014: the year, a dash and a number.</source>
            <translation>Use a case code like 2026-014: the year, a dash and a number.</translation>
        </message>
        <message>
            <source>Enter a valid date.</source>
            <translation>Enter a valid date.</translation>
        </message>
        <message>
            <source>The closing date lies before the opening date.</source>
            <translation>The closing date lies before the opening date.</translation>
        </message>
        <message>
            <source>This date lies before the case was opened.</source>
            <translation>This date lies before the case was opened.</translation>
        </message>
        <message>
            <source>Choose a value from the list.</source>
            <translation>Choose a value from the list.</translation>
        </message>
        <message>
            <source>Choose a unit of this organisation.</source>
            <translation>Choose a unit of this organisation.</translation>
        </message>
        <message>
            <source>This cannot be negative.</source>
            <translation>This cannot be negative.</translation>
        </message>
        <message>
            <source>This date lies in the future; record a request on the day it was asked (today or earlier).</source>
            <translation>This date lies in the future; record a request on the day it was asked (today or earlier).</translation>
        </message>
        <message>
            <source>This number is too large.</source>
            <translation>This number is too large.</translation>
        </message>
        <message>
            <source>Enter a number.</source>
            <translation>Enter a number.</translation>
        </message>
        <message>
            <source>This appears twice.</source>
            <translation>This appears twice.</translation>
        </message>
        <message>
            <source>This text is too long.</source>
            <translation>This text is too long.</translation>
        </message>
    </context>
    <context>
        <name>Reminders</name>
        <message>
            <source>next conversation</source>
            <translation>next conversation</translation>
        </message>
        <message>
            <source>acknowledgement of receipt due</source>
            <translation>acknowledgement of receipt due</translation>
        </message>
        <message>
            <source>feedback due</source>
            <translation>feedback due</translation>
        </message>
        <message>
            <source>admissibility decision due</source>
            <translation>admissibility decision due</translation>
        </message>
        <message>
            <source>advice of the complaints committee due</source>
            <translation>advice of the complaints committee due</translation>
        </message>
        <message>
            <source>last day to file the complaint (estimate)</source>
            <translation>last day to file the complaint (estimate)</translation>
        </message>
    </context>
    <context>
        <name>ReportExport</name>
        <message>
            <source>Signed figures for a supervisor (*.vstat)</source>
            <translation>Signed figures for a supervisor (*.vstat)</translation>
        </message>
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <source>Annual report</source>
            <translation>Annual report</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>Threshold</translation>
        </message>
        <message>
            <source>Tables</source>
            <translation>Tables</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>Open PDF preview</source>
            <translation>Open PDF preview</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>Export JSON</source>
            <translation>Export JSON</translation>
        </message>
        <message>
            <source>Export Excel</source>
            <translation>Export Excel</translation>
        </message>
        <message>
            <source>The published tables as an Excel workbook: one sheet per table, hidden figures as x, and how the figures were protected.</source>
            <translation>The published tables as an Excel workbook: one sheet per table, hidden figures as x, and how the figures were protected.</translation>
        </message>
        <message>
            <source>Signed statistics (.vstat)</source>
            <translation>Signed statistics (.vstat)</translation>
        </message>
        <message>
            <source>The published figures, signed with your key, for a supervisor who combines the figures of several advisers.</source>
            <translation>The published figures, signed with your key, for a supervisor who combines the figures of several advisers.</translation>
        </message>
        <message>
            <source>There are no cases for this selection yet, so there is no report to show.</source>
            <translation>There are no cases for this selection yet, so there is no report to show.</translation>
        </message>
        <message>
            <source>Computing the protected figures…</source>
            <translation>Computing the protected figures…</translation>
        </message>
        <message>
            <source>These figures cannot be protected well enough to publish, so they cannot be exported. Try a threshold closer to {min}, or report this year together with all organisations.</source>
            <translation>These figures cannot be protected well enough to publish, so they cannot be exported. Try a threshold closer to {min}, or report this year together with all organisations.</translation>
        </message>
        <message>
            <source>The figures could not be computed</source>
            <translation>The figures could not be computed</translation>
        </message>
        <message>
            <source>Choose an organisation and a year.</source>
            <translation>Choose an organisation and a year.</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>Hidden cells</source>
            <translation>Hidden cells</translation>
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <source>Requests for information or advice</source>
            <translation>Requests for information or advice</translation>
        </message>
        <message>
            <source>A question that is not a case: a manager asking how to handle a situation, an employee asking about the procedure. Counted apart from cases in the annual report. Only the kind of question, who asked and the time are recorded.</source>
            <translation>A question that is not a case: a manager asking how to handle a situation, an employee asking about the procedure. Counted apart from cases in the annual report. Only the kind of question, who asked and the time are recorded.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Kind of request</source>
            <translation>Kind of request</translation>
        </message>
        <message>
            <source>Who asked</source>
            <translation>Who asked</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>Record a request</source>
            <translation>Record a request</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Topic (optional)</source>
            <translation>Topic (optional)</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Cancel change</source>
            <translation>Cancel change</translation>
        </message>
        <message>
            <source>Show the requests of</source>
            <translation>Show the requests of</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>All organisations</source>
            <translation>All organisations</translation>
        </message>
        <message>
            <source>Add a client organisation first (Organisations).</source>
            <translation>Add a client organisation first (Organisations).</translation>
        </message>
        <message>
            <source>Requests: {n} · hours: {hours}</source>
            <translation>Requests: {n} · hours: {hours}</translation>
        </message>
        <message>
            <source>Recorded: {kind}, {minutes} min ({organisation}).</source>
            <translation>Recorded: {kind}, {minutes} min ({organisation}).</translation>
        </message>
        <message>
            <source>Save change</source>
            <translation>Save change</translation>
        </message>
        <message>
            <source>Remove request</source>
            <translation>Remove request</translation>
        </message>
        <message>
            <source>Remove this request?</source>
            <translation>Remove this request?</translation>
        </message>
    </context>
    <context>
        <name>RetentionPanel</name>
        <message>
            <source>Case details removed (retention)</source>
            <translation>Case details removed (retention)</translation>
        </message>
        <message>
            <source>Case removed entirely</source>
            <translation>Case removed entirely</translation>
        </message>
        <message>
            <source>Case removed: consent withdrawn</source>
            <translation>Case removed: consent withdrawn</translation>
        </message>
        <message>
            <source>Retention period changed</source>
            <translation>Retention period changed</translation>
        </message>
        <message>
            <source>Case created</source>
            <translation>Case created</translation>
        </message>
        <message>
            <source>Case changed</source>
            <translation>Case changed</translation>
        </message>
        <message>
            <source>Case closed</source>
            <translation>Case closed</translation>
        </message>
        <message>
            <source>Case reopened</source>
            <translation>Case reopened</translation>
        </message>
        <message>
            <source>Case removed</source>
            <translation>Case removed</translation>
        </message>
        <message>
            <source>Contact added</source>
            <translation>Contact added</translation>
        </message>
        <message>
            <source>Contact changed</source>
            <translation>Contact changed</translation>
        </message>
        <message>
            <source>Contact removed</source>
            <translation>Contact removed</translation>
        </message>
        <message>
            <source>Organisation added</source>
            <translation>Organisation added</translation>
        </message>
        <message>
            <source>Organisation changed</source>
            <translation>Organisation changed</translation>
        </message>
        <message>
            <source>Organisation removed</source>
            <translation>Organisation removed</translation>
        </message>
        <message>
            <source>Activity added</source>
            <translation>Activity added</translation>
        </message>
        <message>
            <source>Activity changed</source>
            <translation>Activity changed</translation>
        </message>
        <message>
            <source>Activity removed</source>
            <translation>Activity removed</translation>
        </message>
        <message>
            <source>Request for information or advice added</source>
            <translation>Request for information or advice added</translation>
        </message>
        <message>
            <source>Request for information or advice changed</source>
            <translation>Request for information or advice changed</translation>
        </message>
        <message>
            <source>Request for information or advice removed</source>
            <translation>Request for information or advice removed</translation>
        </message>
        <message>
            <source>Decision aid saved</source>
            <translation>Decision aid saved</translation>
        </message>
        <message>
            <source>Annual report recorded</source>
            <translation>Annual report recorded</translation>
        </message>
        <message>
            <source>Figures given out</source>
            <translation>Figures given out</translation>
        </message>
        <message>
            <source>Vault upgraded</source>
            <translation>Vault upgraded</translation>
        </message>
        <message>
            <source>Vault created</source>
            <translation>Vault created</translation>
        </message>
        <message>
            <source>Passphrase changed</source>
            <translation>Passphrase changed</translation>
        </message>
        <message>
            <source>Backup made</source>
            <translation>Backup made</translation>
        </message>
        <message>
            <source>Data exported</source>
            <translation>Data exported</translation>
        </message>
        <message>
            <source>Data imported</source>
            <translation>Data imported</translation>
        </message>
        <message>
            <source>Demo data added</source>
            <translation>Demo data added</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>With notes</source>
            <translation>With notes</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>cases: {n}</source>
            <translation>cases: {n}</translation>
        </message>
        <message>
            <source>conversations: {n}</source>
            <translation>conversations: {n}</translation>
        </message>
        <message>
            <source>saved advice: {n}</source>
            <translation>saved advice: {n}</translation>
        </message>
        <message>
            <source>reminders: {n}</source>
            <translation>reminders: {n}</translation>
        </message>
        <message>
            <source>drafts: {n}</source>
            <translation>drafts: {n}</translation>
        </message>
        <message>
            <source>retention term in months: {n}</source>
            <translation>retention term in months: {n}</translation>
        </message>
        <message>
            <source>all data</source>
            <translation>all data</translation>
        </message>
        <message>
            <source>annual report</source>
            <translation>annual report</translation>
        </message>
        <message>
            <source>supervisor file</source>
            <translation>supervisor file</translation>
        </message>
        <message>
            <source>case {code}</source>
            <translation>case {code}</translation>
        </message>
        <message>
            <source>a removed case</source>
            <translation>a removed case</translation>
        </message>
        <message>
            <source>a removed organisation</source>
            <translation>a removed organisation</translation>
        </message>
        <message>
            <source>a conversation</source>
            <translation>a conversation</translation>
        </message>
        <message>
            <source>an activity</source>
            <translation>an activity</translation>
        </message>
        <message>
            <source> mo.</source>
            <translation> mo.</translation>
        </message>
        <message>
            <source>How long the details of a closed case are kept. The figures of the case are always kept for the annual report.</source>
            <translation>How long the details of a closed case are kept. The figures of the case are always kept for the annual report.</translation>
        </message>
        <message>
            <source>Cases whose details fall due</source>
            <translation>Cases whose details fall due</translation>
        </message>
        <message>
            <source>Purge now</source>
            <translation>Purge now</translation>
        </message>
        <message>
            <source>Remove notes, checklist answers, saved advice, reminders and drafts of the cases listed; keep their figures.</source>
            <translation>Remove notes, checklist answers, saved advice, reminders and drafts of the cases listed; keep their figures.</translation>
        </message>
        <message>
            <source>Compact now</source>
            <translation>Compact now</translation>
        </message>
        <message>
            <source>Rewrite the vault so that no removed text stays behind in free space.</source>
            <translation>Rewrite the vault so that no removed text stays behind in free space.</translation>
        </message>
        <message>
            <source>Retention period</source>
            <translation>Retention period</translation>
        </message>
        <message>
            <source>Keep case details after closing for</source>
            <translation>Keep case details after closing for</translation>
        </message>
        <message>
            <source>Falls due</source>
            <translation>Falls due</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message numerus="yes">
            <source>%n closed case(s) have details older than the retention period.</source>
            <translation>
                <numerusform>%n closed case(s) have details older than the retention period.</numerusform>
                <numerusform>%n closed case(s) have details older than the retention period.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing falls due.</source>
            <translation>Nothing falls due.</translation>
        </message>
        <message numerus="yes">
            <source>Retention period set to %n month(s).</source>
            <translation>
                <numerusform>Retention period set to %n month(s).</numerusform>
                <numerusform>Retention period set to %n month(s).</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing falls due; nothing was removed.</source>
            <translation>Nothing falls due; nothing was removed.</translation>
        </message>
        <message numerus="yes">
            <source>Remove the details of %n case(s)? Notes, checklist answers, saved advice, reminders and drafts of these cases are erased for good; their figures stay for the annual reports. Backups made earlier still hold the details.</source>
            <translation>
                <numerusform>Remove the details of %n case(s)? Notes, checklist answers, saved advice, reminders and drafts of these cases are erased for good; their figures stay for the annual reports. Backups made earlier still hold the details.</numerusform>
                <numerusform>Remove the details of %n case(s)? Notes, checklist answers, saved advice, reminders and drafts of these cases are erased for good; their figures stay for the annual reports. Backups made earlier still hold the details.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing was removed.</source>
            <translation>Nothing was removed.</translation>
        </message>
        <message numerus="yes">
            <source>Details of %n case(s) removed; their figures are kept.</source>
            <translation>
                <numerusform>Details of %n case(s) removed; their figures are kept.</numerusform>
                <numerusform>Details of %n case(s) removed; their figures are kept.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n older copy(ies) of the vault beside it still hold the old details; remove them when you no longer need them.</source>
            <translation>
                <numerusform>%n older copy(ies) of the vault beside it still hold the old details; remove them when you no longer need them.</numerusform>
                <numerusform>%n older copy(ies) of the vault beside it still hold the old details; remove them when you no longer need them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n older copy(ies) of the vault beside it, made before an upgrade or a restore, still hold the removed details. Remove them now?</source>
            <translation>
                <numerusform>%n older copy(ies) of the vault beside it, made before an upgrade or a restore, still hold the removed details. Remove them now?</numerusform>
                <numerusform>%n older copy(ies) of the vault beside it, made before an upgrade or a restore, still hold the removed details. Remove them now?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n older copy(ies) removed.</source>
            <translation>
                <numerusform>%n older copy(ies) removed.</numerusform>
                <numerusform>%n older copy(ies) removed.</numerusform>
            </translation>
        </message>
        <message>
            <source>The vault is compacted: no removed text remains in free space.</source>
            <translation>The vault is compacted: no removed text remains in free space.</translation>
        </message>
    </context>
    <context>
        <name>SelectionBar</name>
        <message>
            <source>Language of the published report and its labels.</source>
            <translation>Language of the published report and its labels.</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>Threshold</translation>
        </message>
        <message>
            <source>Report language</source>
            <translation>Report language</translation>
        </message>
        <message>
            <source>All organisations (own overview)</source>
            <translation>All organisations (own overview)</translation>
        </message>
        <message>
            <source>Figures below this number are not shown. Your settings say {k}; a change here applies to this report only and can never go below {min}.</source>
            <translation>Figures below this number are not shown. Your settings say {k}; a change here applies to this report only and can never go below {min}.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>e.g. Praktijk Vertrouwenswerk</source>
            <translation>e.g. Praktijk Vertrouwenswerk</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Lock after inactivity</source>
            <translation>Lock after inactivity</translation>
        </message>
        <message>
            <source>Practice name (on reports)</source>
            <translation>Practice name (on reports)</translation>
        </message>
        <message>
            <source>Threshold for small numbers in reports</source>
            <translation>Threshold for small numbers in reports</translation>
        </message>
        <message>
            <source>Signing key fingerprint</source>
            <translation>Signing key fingerprint</translation>
        </message>
        <message>
            <source>Passphrase protection</source>
            <translation>Passphrase protection</translation>
        </message>
        <message>
            <source>Save settings</source>
            <translation>Save settings</translation>
        </message>
        <message>
            <source>Checklists</source>
            <translation>Checklists</translation>
        </message>
        <message>
            <source>Export checklist…</source>
            <translation>Export checklist…</translation>
        </message>
        <message>
            <source>Import checklist…</source>
            <translation>Import checklist…</translation>
        </message>
        <message>
            <source>(not available)</source>
            <translation>(not available)</translation>
        </message>
        <message>
            <source>Argon2id, {mib} MiB, {passes} passes</source>
            <translation>Argon2id, {mib} MiB, {passes} passes</translation>
        </message>
        <message>
            <source>{title} (version {version})</source>
            <translation>{title} (version {version})</translation>
        </message>
        <message>
            <source>Export checklist</source>
            <translation>Export checklist</translation>
        </message>
        <message>
            <source>Checklist (*.toml)</source>
            <translation>Checklist (*.toml)</translation>
        </message>
        <message>
            <source>Checklist exported. Edit it with a text editor and import it again with a higher version number.</source>
            <translation>Checklist exported. Edit it with a text editor and import it again with a higher version number.</translation>
        </message>
        <message>
            <source>Import checklist</source>
            <translation>Import checklist</translation>
        </message>
        <message>
            <source>The checklist was not imported: {reason}</source>
            <translation>The checklist was not imported: {reason}</translation>
        </message>
        <message>
            <source>Checklist imported: {title}, version {version}.</source>
            <translation>Checklist imported: {title}, version {version}.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>SheetImportDialog</name>
        <message>
            <source>Import from spreadsheet</source>
            <translation>Import from spreadsheet</translation>
        </message>
        <message>
            <source>Check how the columns of {file} become cases and conversations. Names, e-mail addresses and phone or personnel numbers never come in: such columns are left out, and notes are cleaned before they are stored.</source>
            <translation>Check how the columns of {file} become cases and conversations. Names, e-mail addresses and phone or personnel numbers never come in: such columns are left out, and notes are cleaned before they are stored.</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>Columns</translation>
        </message>
        <message>
            <source>Unknown values</source>
            <translation>Unknown values</translation>
        </message>
        <message>
            <source>Privacy</source>
            <translation>Privacy</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <source>One row per conversation (grouped into cases)</source>
            <translation>One row per conversation (grouped into cases)</translation>
        </message>
        <message>
            <source>One row per case</source>
            <translation>One row per case</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Rows</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Without a case column, conversations of one organisation about the same kind of behaviour and relation belong to one case while they lie at most this many days apart.</source>
            <translation>Without a case column, conversations of one organisation about the same kind of behaviour and relation belong to one case while they lie at most this many days apart.</translation>
        </message>
        <message>
            <source>Same case when at most</source>
            <translation>Same case when at most</translation>
        </message>
        <message>
            <source>only when the sheet has no organisation column</source>
            <translation>only when the sheet has no organisation column</translation>
        </message>
        <message>
            <source>Organisation of every row</source>
            <translation>Organisation of every row</translation>
        </message>
        <message>
            <source>Also import cases that seem to be in the vault already</source>
            <translation>Also import cases that seem to be in the vault already</translation>
        </message>
        <message>
            <source>A case with the same organisation, opening date, kind of behaviour, relation, role and conversations (dates and minutes) as one in the vault is left out unless this is ticked.</source>
            <translation>A case with the same organisation, opening date, kind of behaviour, relation, role and conversations (dates and minutes) as one in the vault is left out unless this is ticked.</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>Examples</translation>
        </message>
        <message>
            <source>Becomes</source>
            <translation>Becomes</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Value in the sheet</source>
            <translation>Value in the sheet</translation>
        </message>
        <message>
            <source>These parts of notes may identify a person. Ticked items are replaced by a placeholder such as [naam]. Untick what you deliberately keep: the conversation is then marked for review.</source>
            <translation>These parts of notes may identify a person. Ticked items are replaced by a placeholder such as [naam]. Untick what you deliberately keep: the conversation is then marked for review.</translation>
        </message>
        <message>
            <source>Replace all</source>
            <translation>Replace all</translation>
        </message>
        <message>
            <source>Leave all notes out</source>
            <translation>Leave all notes out</translation>
        </message>
        <message>
            <source>Save mapping…</source>
            <translation>Save mapping…</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>(not imported)</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <source>Case reference (groups rows; not stored)</source>
            <translation>Case reference (groups rows; not stored)</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Unit or department</source>
            <translation>Unit or department</translation>
        </message>
        <message>
            <source>Date of the conversation</source>
            <translation>Date of the conversation</translation>
        </message>
        <message>
            <source>Date the case was opened</source>
            <translation>Date the case was opened</translation>
        </message>
        <message>
            <source>Date the case was closed</source>
            <translation>Date the case was closed</translation>
        </message>
        <message>
            <source>Kind of behaviour</source>
            <translation>Kind of behaviour</translation>
        </message>
        <message>
            <source>Relation to the accused</source>
            <translation>Relation to the accused</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Kind of conversation</source>
            <translation>Kind of conversation</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>Notes (cleaned)</source>
            <translation>Notes (cleaned)</translation>
        </message>
        <message>
            <source>Nothing was imported: {reason}</source>
            <translation>Nothing was imported: {reason}</translation>
        </message>
        <message>
            <source>The import was completed before the vault was locked: {cases} cases.</source>
            <translation>The import was completed before the vault was locked: {cases} cases.</translation>
        </message>
        <message>
            <source>The import was stopped by locking; nothing was imported. Import the spreadsheet again.</source>
            <translation>The import was stopped by locking; nothing was imported. Import the spreadsheet again.</translation>
        </message>
        <message>
            <source> (hidden)</source>
            <translation> (hidden)</translation>
        </message>
        <message>
            <source>(personal data: left out)</source>
            <translation>(personal data: left out)</translation>
        </message>
        <message>
            <source>Unknown values ({n})</source>
            <translation>Unknown values ({n})</translation>
        </message>
        <message>
            <source>Row {row}: {kind}: {text}  →  {placeholder}</source>
            <translation>Row {row}: {kind}: {text}  →  {placeholder}</translation>
        </message>
        <message>
            <source>Privacy ({n})</source>
            <translation>Privacy ({n})</translation>
        </message>
        <message>
            <source>Save mapping</source>
            <translation>Save mapping</translation>
        </message>
        <message>
            <source>Mapping (*.toml)</source>
            <translation>Mapping (*.toml)</translation>
        </message>
        <message>
            <source>{cases} cases with {contacts} conversations would be imported.</source>
            <translation>{cases} cases with {contacts} conversations would be imported.</translation>
        </message>
        <message>
            <source>Per organisation: {list}</source>
            <translation>Per organisation: {list}</translation>
        </message>
        <message>
            <source>Per year: {list}</source>
            <translation>Per year: {list}</translation>
        </message>
        <message>
            <source>Left out: columns with personal data: {columns}; rows refused: {rows}; totals rows: {skipped}. Possible identifiers in notes: {found}.</source>
            <translation>Left out: columns with personal data: {columns}; rows refused: {rows}; totals rows: {skipped}. Possible identifiers in notes: {found}.</translation>
        </message>
        <message>
            <source>{n} cases seem to be in the vault already (rows {rows}); they are imported anyway.</source>
            <translation>{n} cases seem to be in the vault already (rows {rows}); they are imported anyway.</translation>
        </message>
        <message>
            <source>Position or role of the person</source>
            <translation>Position or role of the person</translation>
        </message>
        <message>
            <source>{n} cases seem to be in the vault already (rows {rows}); they are left out.</source>
            <translation>{n} cases seem to be in the vault already (rows {rows}); they are left out.</translation>
        </message>
        <message>
            <source>Row {row} refused: {reason}</source>
            <translation>Row {row} refused: {reason}</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <source>Busy</source>
            <translation>Busy</translation>
        </message>
        <message>
            <source>Supervisor mode: receive and combine statistics…</source>
            <translation>Supervisor mode: receive and combine statistics…</translation>
        </message>
    </context>
    <context>
        <name>SupervisorStart</name>
        <message>
            <source>Vertrouwd – supervisor mode</source>
            <translation>Vertrouwd – supervisor mode</translation>
        </message>
        <message>
            <source>Supervisor mode</source>
            <translation>Supervisor mode</translation>
        </message>
        <message>
            <source>Here you receive signed statistics from advisers, check where they came from, and combine them. Your list of trusted advisers and the received files are kept encrypted.</source>
            <translation>Here you receive signed statistics from advisers, check where they came from, and combine them. Your list of trusted advisers and the received files are kept encrypted.</translation>
        </message>
        <message>
            <source>Choose a passphrase for your supervisor store.</source>
            <translation>Choose a passphrase for your supervisor store.</translation>
        </message>
        <message>
            <source>Enter the passphrase of your supervisor store.</source>
            <translation>Enter the passphrase of your supervisor store.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>Repeat passphrase</translation>
        </message>
        <message>
            <source>Create store</source>
            <translation>Create store</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>The passphrase is too short: use at least 8 characters.</source>
            <translation>The passphrase is too short: use at least 8 characters.</translation>
        </message>
        <message>
            <source>The two passphrases differ. Type them again.</source>
            <translation>The two passphrases differ. Type them again.</translation>
        </message>
        <message>
            <source>Opening the supervisor store…</source>
            <translation>Opening the supervisor store…</translation>
        </message>
    </context>
    <context>
        <name>SupervisorWindow</name>
        <message>
            <source>Combined statistics</source>
            <translation>Combined statistics</translation>
        </message>
        <message>
            <source>Add up the annual figures that advisers send you. Choose “Import files…” and select their statistics files (.vstat). Only files signed by advisers you trust are counted; figures an adviser hid stay hidden in the sums.</source>
            <translation>Add up the annual figures that advisers send you. Choose “Import files…” and select their statistics files (.vstat). Only files signed by advisers you trust are counted; figures an adviser hid stay hidden in the sums.</translation>
        </message>
        <message>
            <source>Import files…</source>
            <translation>Import files…</translation>
        </message>
        <message>
            <source>per organisation</source>
            <translation>per organisation</translation>
        </message>
        <message>
            <source>per adviser</source>
            <translation>per adviser</translation>
        </message>
        <message>
            <source>per year</source>
            <translation>per year</translation>
        </message>
        <message>
            <source>all together</source>
            <translation>all together</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>Combine:</source>
            <translation>Combine:</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Adviser</source>
            <translation>Adviser</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Combined figures</source>
            <translation>Combined figures</translation>
        </message>
        <message>
            <source>x = not shown, to protect small numbers: an adviser hid part of this figure, so the sum is not shown either (it need not be small). ? = unknown: a source does not list this category separately.</source>
            <translation>x = not shown, to protect small numbers: an adviser hid part of this figure, so the sum is not shown either (it need not be small). ? = unknown: a source does not list this category separately.</translation>
        </message>
        <message>
            <source>imported</source>
            <translation>imported</translation>
        </message>
        <message>
            <source>Import statistics files</source>
            <translation>Import statistics files</translation>
        </message>
        <message>
            <source>Statistics files (*.vstat);;All files (*)</source>
            <translation>Statistics files (*.vstat);;All files (*)</translation>
        </message>
        <message>
            <source>A file is signed by a key you do not trust yet:

{fp}

Call the adviser and compare this fingerprint. Only when it matches, give the adviser a name to trust the key.</source>
            <translation>A file is signed by a key you do not trust yet:

{fp}

Call the adviser and compare this fingerprint. Only when it matches, give the adviser a name to trust the key.</translation>
        </message>
        <message>
            <source>Trust this adviser?</source>
            <translation>Trust this adviser?</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Export combined statistics</source>
            <translation>Export combined statistics</translation>
        </message>
        <message>
            <source>combined-figures.{ext}</source>
            <translation>combined-figures.{ext}</translation>
        </message>
        <message>
            <source>signed by an adviser key you do not trust yet. Call the adviser and compare the fingerprint before you trust it.</source>
            <translation>signed by an adviser key you do not trust yet. Call the adviser and compare the fingerprint before you trust it.</translation>
        </message>
        <message>
            <source>this is not a statistics file from Vertrouwd, or it is damaged. Ask the adviser to export it again.</source>
            <translation>this is not a statistics file from Vertrouwd, or it is damaged. Ask the adviser to export it again.</translation>
        </message>
        <message>
            <source>the file is empty. Ask the adviser to send it again.</source>
            <translation>the file is empty. Ask the adviser to send it again.</translation>
        </message>
        <message>
            <source>the file is incomplete (cut off). Ask the adviser to send it again.</source>
            <translation>the file is incomplete (cut off). Ask the adviser to send it again.</translation>
        </message>
        <message>
            <source>the file is far too large to be a statistics file.</source>
            <translation>the file is far too large to be a statistics file.</translation>
        </message>
        <message>
            <source>this is a folder, not a file. Choose the files inside it.</source>
            <translation>this is a folder, not a file. Choose the files inside it.</translation>
        </message>
        <message>
            <source>the file no longer exists. Check where it was saved.</source>
            <translation>the file no longer exists. Check where it was saved.</translation>
        </message>
        <message>
            <source>the file cannot be read ({detail}). Check that you may open it.</source>
            <translation>the file cannot be read ({detail}). Check that you may open it.</translation>
        </message>
        <message>
            <source>the file is encrypted for a supervisor key ({key}). Use the store that holds that key, or ask the adviser to export it for your key.</source>
            <translation>the file is encrypted for a supervisor key ({key}). Use the store that holds that key, or ask the adviser to export it for your key.</translation>
        </message>
        <message>
            <source>the file is encrypted for another supervisor (key {key}). Ask the adviser to export it for your key.</source>
            <translation>the file is encrypted for another supervisor (key {key}). Ask the adviser to export it for your key.</translation>
        </message>
        <message>
            <source>the encrypted file was changed or damaged. Ask the adviser to send it again.</source>
            <translation>the encrypted file was changed or damaged. Ask the adviser to send it again.</translation>
        </message>
        <message>
            <source>this is an annual report, not a signed statistics file. Ask the adviser to export the statistics file (.vstat).</source>
            <translation>this is an annual report, not a signed statistics file. Ask the adviser to export the statistics file (.vstat).</translation>
        </message>
        <message>
            <source>the file has no signature. Only use files that an adviser signed in Vertrouwd.</source>
            <translation>the file has no signature. Only use files that an adviser signed in Vertrouwd.</translation>
        </message>
        <message>
            <source>the file was changed after the adviser signed it. Do not use it; ask the adviser for a new export.</source>
            <translation>the file was changed after the adviser signed it. Do not use it; ask the adviser for a new export.</translation>
        </message>
        <message>
            <source>the figures in the file do not pass the checks. Ask the adviser to export it again.</source>
            <translation>the figures in the file do not pass the checks. Ask the adviser to export it again.</translation>
        </message>
        <message>
            <source>{text}
Details: {detail}</source>
            <translation>{text}
Details: {detail}</translation>
        </message>
        <message>
            <source>already imported</source>
            <translation>already imported</translation>
        </message>
        <message>
            <source>waiting: key not trusted</source>
            <translation>waiting: key not trusted</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>refused</translation>
        </message>
        <message>
            <source>{a} imported, {r} refused, {u} waiting for trust, {d} already there.</source>
            <translation>{a} imported, {r} refused, {u} waiting for trust, {d} already there.</translation>
        </message>
        <message>
            <source>{status}: {reason}</source>
            <translation>{status}: {reason}</translation>
        </message>
        <message>
            <source>No files from trusted advisers yet. Choose “Import files…” to add the statistics files that advisers sent you.</source>
            <translation>No files from trusted advisers yet. Choose “Import files…” to add the statistics files that advisers sent you.</translation>
        </message>
        <message>
            <source>Cases: {c} · contacts: {n} · hours: {h} · sources: {s}</source>
            <translation>Cases: {c} · contacts: {n} · hours: {h} · sources: {s}</translation>
        </message>
        <message>
            <source>requests (not cases): {r}</source>
            <translation>requests (not cases): {r}</translation>
        </message>
        <message>
            <source>Import files from trusted advisers before exporting.</source>
            <translation>Import files from trusted advisers before exporting.</translation>
        </message>
        <message>
            <source>Export failed: {reason}</source>
            <translation>Export failed: {reason}</translation>
        </message>
        <message>
            <source>Written: {path}</source>
            <translation>Written: {path}</translation>
        </message>
    </context>
    <context>
        <name>TablesPanel</name>
        <message>
            <source>cases</source>
            <translation>cases</translation>
        </message>
        <message>
            <source>contacts</source>
            <translation>contacts</translation>
        </message>
        <message>
            <source>activities</source>
            <translation>activities</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>hours</translation>
        </message>
        <message>
            <source>requests (not cases)</source>
            <translation>requests (not cases)</translation>
        </message>
        <message>
            <source>Not shown: the number is small, so it could point at a person.</source>
            <translation>Not shown: the number is small, so it could point at a person.</translation>
        </message>
        <message>
            <source>Not shown: all cases of this row or column fall in this one cell, so it would tell something about every person in that group.</source>
            <translation>Not shown: all cases of this row or column fall in this one cell, so it would tell something about every person in that group.</translation>
        </message>
        <message>
            <source>Not shown to protect another hidden cell: otherwise a hidden small number could be worked out from the totals or from other tables.</source>
            <translation>Not shown to protect another hidden cell: otherwise a hidden small number could be worked out from the totals or from other tables.</translation>
        </message>
        <message>
            <source>Total not shown: otherwise a hidden small number could be worked out from it.</source>
            <translation>Total not shown: otherwise a hidden small number could be worked out from it.</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>Vertrouwd is locked</source>
            <translation>Vertrouwd is locked</translation>
        </message>
        <message>
            <source>Enter your passphrase to open your records.</source>
            <translation>Enter your passphrase to open your records.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>Opening your vault…</source>
            <translation>Opening your vault…</translation>
        </message>
        <message>
            <source>Wait {n} s</source>
            <translation>Wait {n} s</translation>
        </message>
    </context>
    <context>
        <name>VaultOpener</name>
        <message>
            <source>Something went wrong in the program ({error}). Nothing was changed; try again, and report this if it happens again.</source>
            <translation>Something went wrong in the program ({error}). Nothing was changed; try again, and report this if it happens again.</translation>
        </message>
        <message>
            <source>The vault could not be made in {folder} ({reason}). Choose another folder.</source>
            <translation>The vault could not be made in {folder} ({reason}). Choose another folder.</translation>
        </message>
        <message>
            <source>Too many wrong passphrases in a row. Wait a moment and try again.</source>
            <translation>Too many wrong passphrases in a row. Wait a moment and try again.</translation>
        </message>
        <message>
            <source>Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
            <translation>Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Welcome to Vertrouwd</source>
            <translation>Welcome to Vertrouwd</translation>
        </message>
        <message>
            <source>Vertrouwd keeps your cases and conversations in an encrypted file on this computer. Choose a passphrase to protect it. A sentence of several words is strong and easy to remember.</source>
            <translation>Vertrouwd keeps your cases and conversations in an encrypted file on this computer. Choose a passphrase to protect it. A sentence of several words is strong and easy to remember.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>Repeat passphrase</translation>
        </message>
        <message>
            <source>&lt;b&gt;Important:&lt;/b&gt; nobody can recover a lost passphrase, not even the makers of this program. Without it your records are lost. Write it down somewhere safe, and make a backup regularly (File → Make backup).</source>
            <translation>&lt;b&gt;Important:&lt;/b&gt; nobody can recover a lost passphrase, not even the makers of this program. Without it your records are lost. Write it down somewhere safe, and make a backup regularly (File → Make backup).</translation>
        </message>
        <message>
            <source>Create vault</source>
            <translation>Create vault</translation>
        </message>
        <message>
            <source>Your vault will be stored in this folder:</source>
            <translation>Your vault will be stored in this folder:</translation>
        </message>
        <message>
            <source>Choose another folder…</source>
            <translation>Choose another folder…</translation>
        </message>
        <message>
            <source>Choose another folder for the vault</source>
            <translation>Choose another folder for the vault</translation>
        </message>
        <message>
            <source>Vault folder: {folder}</source>
            <translation>Vault folder: {folder}</translation>
        </message>
        <message>
            <source>The folder {folder} cannot be found. If your vault is on a drive, connect it and start the program again; or choose another folder.</source>
            <translation>The folder {folder} cannot be found. If your vault is on a drive, connect it and start the program again; or choose another folder.</translation>
        </message>
        <message>
            <source>Folder for your vault</source>
            <translation>Folder for your vault</translation>
        </message>
        <message>
            <source>You cannot save files in {folder}. Choose another folder.</source>
            <translation>You cannot save files in {folder}. Choose another folder.</translation>
        </message>
        <message>
            <source>Creating your vault. Protecting it with your passphrase takes a few seconds…</source>
            <translation>Creating your vault. Protecting it with your passphrase takes a few seconds…</translation>
        </message>
        <message>
            <source>very weak</source>
            <translation>very weak</translation>
        </message>
        <message>
            <source>weak</source>
            <translation>weak</translation>
        </message>
        <message>
            <source>fair</source>
            <translation>fair</translation>
        </message>
        <message>
            <source>strong</source>
            <translation>strong</translation>
        </message>
        <message>
            <source>very strong</source>
            <translation>very strong</translation>
        </message>
        <message>
            <source>Strength: {level}</source>
            <translation>Strength: {level}</translation>
        </message>
        <message>
            <source>The passphrase is too short: use at least 8 characters.</source>
            <translation>The passphrase is too short: use at least 8 characters.</translation>
        </message>
        <message>
            <source>The two passphrases differ. Type them again.</source>
            <translation>The two passphrases differ. Type them again.</translation>
        </message>
        <message>
            <source>This passphrase is too easy to guess. Add a few words.</source>
            <translation>This passphrase is too easy to guess. Add a few words.</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>Pages</source>
            <translation>Pages</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>Organisations</source>
            <translation>Organisations</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Annual report</source>
            <translation>Annual report</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>The annual report is not available in this version.</source>
            <translation>The annual report is not available in this version.</translation>
        </message>
        <message>
            <source>Remove case details</source>
            <translation>Remove case details</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>Close case</source>
            <translation>Close case</translation>
        </message>
        <message>
            <source>Reopen case</source>
            <translation>Reopen case</translation>
        </message>
        <message>
            <source>Reopen case {code}? It counts as open again and its retention period starts anew when it is closed again.</source>
            <translation>Reopen case {code}? It counts as open again and its retention period starts anew when it is closed again.</translation>
        </message>
        <message>
            <source>Remove case</source>
            <translation>Remove case</translation>
        </message>
        <message>
            <source>Remove case {code} entirely, with all its conversations and notes? This cannot be undone. Use this when the person withdraws consent.</source>
            <translation>Remove case {code} entirely, with all its conversations and notes? This cannot be undone. Use this when the person withdraws consent.</translation>
        </message>
        <message>
            <source>Terms</source>
            <translation>Terms</translation>
        </message>
        <message>
            <source>Does the person take this route now? Then reminders are set for its terms.</source>
            <translation>Does the person take this route now? Then reminders are set for its terms.</translation>
        </message>
        <message>
            <source>Save handout</source>
            <translation>Save handout</translation>
        </message>
        <message>
            <source>handout.pdf</source>
            <translation>handout.pdf</translation>
        </message>
        <message>
            <source>the report text ({reason})</source>
            <translation>the report text ({reason})</translation>
        </message>
        <message>
            <source>an unsaved conversation note ({reason})</source>
            <translation>an unsaved conversation note ({reason})</translation>
        </message>
    </context>
    <context>
        <name>_ItemRow</name>
        <message>
            <source>Guidance</source>
            <translation>Guidance</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>(choose)</translation>
        </message>
        <message>
            <source>Date set</source>
            <translation>Date set</translation>
        </message>
        <message>
            <source>A few words; never a name</source>
            <translation>A few words; never a name</translation>
        </message>
    </context>
</TS>
