<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Preventive activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information sessions, training, policy advice and consultations. Record no persons, only what kind of activity and how long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this activity?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Preventive activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a client organisation first (Organisations).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Edit case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pseudonymous code. Never a name or initials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other behaviour (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation to the accused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other follow-up (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a client organisation first (Organisations).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision aid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation to the accused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed on {date} (retention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open required checklist items: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>possible identifier kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(details removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision aid: {route}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Search code or organisation (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Checklist progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required items still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checklist selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open (required): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All required items are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers from an earlier version of this checklist:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CombinedTableModel</name>
    <message>
        <source>Hidden: publishing this sum could reveal a figure an adviser hid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: a source does not list this category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts related to the matter only. No names, phone numbers or other details that identify someone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no checklist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations with a possible identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases whose details fall due for removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups and terms (this week and overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases opened in {year} per organisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionWizard</name>
    <message>
        <source>Decision aid: which route fits?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save with case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Question %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Other routes that also apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this route asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules that apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The advice is saved with the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handout is ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <source>Possible identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These parts of the text may identify a person. Ticked items are replaced by a placeholder such as [naam]. Untick what you deliberately keep; the conversation is then marked until it is cleaned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace ticked items and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Vertrouwd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passphrases in a row. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertrouwd backup (*.vbak)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: {reason}. Your vault is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted backup was written. It opens with your current passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Vertrouwd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertrouwd {version}: an encrypted case log for confidential advisers. Your records stay on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One unit or department per line (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganisationsPage</name>
    <message>
        <source>Client organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a case code like 2026-014: the year, a dash and a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The closing date lies before the opening date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date lies before the case was opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a unit of this organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <source>Case details removed (retention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case removed entirely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case removed: consent withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention period changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision aid saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual report recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault upgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the details of a closed case are kept. The figures of the case are always kept for the annual report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove notes, checklist answers, saved advice, reminders and drafts of the cases listed; keep their figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite the vault so that no removed text stays behind in free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep case details after closing for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Falls due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n closed case(s) have details older than the retention period.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing falls due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retention period set to %n month(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing falls due; nothing was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the details of %n case(s)? Notes, checklist answers, saved advice, reminders and drafts of these cases are erased for good; their figures stay for the annual reports. Backups made earlier still hold the details.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Details of %n case(s) removed; their figures are kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older copy(ies) of the vault beside it still hold the old details; remove them when you no longer need them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The vault is compacted: no removed text remains in free space.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Praktijk Vertrouwenswerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice name (on reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum cell size in reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorStart</name>
    <message>
        <source>Vertrouwd – supervisor mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here you receive signed statistics from advisers, check where they came from, and combine them. Your list of trusted advisers and the received files are kept encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase for your supervisor store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase of your supervisor store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per adviser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Combine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import statistics files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics files (*.vstat);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file is signed by a key you do not trust yet:

{fp}

Call the adviser and compare this fingerprint. Only when it matches, give the adviser a name to trust the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this adviser?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export combined statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: key not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{a} imported, {r} refused, {u} waiting for trust, {d} already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files from trusted advisers yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases: {c} · contacts: {n} · hours: {h} · sources: {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files from trusted advisers before exporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Vertrouwd is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to open your records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait {n} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Vertrouwd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertrouwd keeps your cases and conversations in an encrypted file on this computer. Choose a passphrase to protect it. A sentence of several words is strong and easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Important:&lt;/b&gt; nobody can recover a lost passphrase, not even the makers of this program. Without it your records are lost. Write it down somewhere safe, and make a backup regularly (File → Make backup).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Add a few words.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annual report is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove case details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case {code} as of today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {code} still has open required checklist items:

{items}

Close it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove case {code} entirely, with all its conversations and notes? This cannot be undone. Use this when the person withdraws consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the person take this route now? Then reminders are set for its terms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save handout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ItemRow</name>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few words; never a name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ctx</name>
    <message>
        <source>next conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledgement of receipt due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feedback due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admissibility decision due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>advice of the complaints committee due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
