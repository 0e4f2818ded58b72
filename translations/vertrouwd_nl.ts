<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_GB">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Preventive activities</source>
        <translation>Preventieve activiteiten</translation>
    </message>
    <message>
        <source>Information sessions, training, policy advice and consultations. Record no persons, only what kind of activity and how long.</source>
        <translation>Voorlichting, training, beleidsadvies en overleg. Leg geen personen vast, alleen het soort activiteit en hoe lang die duurde.</translation>
    </message>
    <message>
        <source>Add activity</source>
        <translation>Activiteit toevoegen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Uren</translation>
    </message>
    <message>
        <source>Remove activity</source>
        <translation>Activiteit verwijderen</translation>
    </message>
    <message>
        <source>Remove this activity?</source>
        <translation>Deze activiteit verwijderen?</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Preventive activity</source>
        <translation>Preventieve activiteit</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Uren</translation>
    </message>
    <message>
        <source>Add a client organisation first (Organisations).</source>
        <translation>Voeg eerst een opdrachtgevende organisatie toe (Organisaties).</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Edit case</source>
        <translation>Casus bewerken</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nieuwe casus</translation>
    </message>
    <message>
        <source>A pseudonymous code. Never a name or initials.</source>
        <translation>Een pseudonieme code. Nooit een naam of initialen.</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— kies —</translation>
    </message>
    <message>
        <source>— not recorded —</source>
        <translation>— niet vastgelegd —</translation>
    </message>
    <message>
        <source>Only for an integrity violation (main or other behaviour).</source>
        <translation>Alleen bij een integriteitsschending (als hoofdgedrag of ander gedrag).</translation>
    </message>
    <message>
        <source>How the situation is when the case closes; asked when you close it.</source>
        <translation>Hoe de situatie is als de casus wordt afgesloten; dit wordt gevraagd bij het afsluiten.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Unit (optional)</source>
        <translation>Afdeling (optioneel)</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Geopend op</translation>
    </message>
    <message>
        <source>Position of the person</source>
        <translation>Positie van de melder</translation>
    </message>
    <message>
        <source>Role in the case</source>
        <translation>Rol in de casus</translation>
    </message>
    <message>
        <source>Kind of behaviour</source>
        <translation>Soort gedrag</translation>
    </message>
    <message>
        <source>Other behaviour (optional)</source>
        <translation>Ander gedrag (optioneel)</translation>
    </message>
    <message>
        <source>Kind of integrity violation</source>
        <translation>Soort integriteitsschending</translation>
    </message>
    <message>
        <source>Relation to the person it is about</source>
        <translation>Relatie tot degene over wie het gaat</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Vervolg</translation>
    </message>
    <message>
        <source>Other follow-up (optional)</source>
        <translation>Ander vervolg (optioneel)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Afloop</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Add a client organisation first (Organisations).</source>
        <translation>Voeg eerst een opdrachtgevende organisatie toe (Organisaties).</translation>
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
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Gedrag</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Vervolg</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacten</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Laatste contact</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Properties</source>
        <translation>Kenmerken</translation>
    </message>
    <message>
        <source>Reminders (tick off when done)</source>
        <translation>Herinneringen (vink af wanneer gedaan)</translation>
    </message>
    <message>
        <source>Reminders of this case</source>
        <translation>Herinneringen van deze casus</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Casus bewerken</translation>
    </message>
    <message>
        <source>Decision aid</source>
        <translation>Beslishulp</translation>
    </message>
    <message>
        <source>Close case…</source>
        <translation>Casus afsluiten…</translation>
    </message>
    <message>
        <source>Reopen case</source>
        <translation>Casus heropenen</translation>
    </message>
    <message>
        <source>Remove case</source>
        <translation>Casus verwijderen</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <source>No case selected</source>
        <translation>Geen casus gekozen</translation>
    </message>
    <message>
        <source>Case {code}</source>
        <translation>Casus {code}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>sinds {date}</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Geopend op</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Position of the person</source>
        <translation>Positie van de melder</translation>
    </message>
    <message>
        <source>Role in the case</source>
        <translation>Rol in de casus</translation>
    </message>
    <message>
        <source>Kind of behaviour</source>
        <translation>Soort gedrag</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Vervolg</translation>
    </message>
    <message>
        <source>Kind of integrity violation</source>
        <translation>Soort integriteitsschending</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Afloop</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>removed on {date} (retention)</source>
        <translation>verwijderd op {date} (bewaartermijn)</translation>
    </message>
    <message>
        <source>Open required checklist items ({n})</source>
        <translation>Open verplichte checklistpunten ({n})</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>possible identifier kept</source>
        <translation>mogelijk identificerend gegeven bewust behouden</translation>
    </message>
    <message>
        <source>(details removed)</source>
        <translation>(details verwijderd)</translation>
    </message>
    <message>
        <source>Decision aid: {route}</source>
        <translation>Beslishulp: {route}</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Search code or organisation (Ctrl+F)</source>
        <translation>Zoeken op code of organisatie (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Casussen zoeken</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nieuwe casus</translation>
    </message>
    <message>
        <source>Filter by organisation</source>
        <translation>Filter op organisatie</translation>
    </message>
    <message>
        <source>Filter by year</source>
        <translation>Filter op jaar</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filter op status</translation>
    </message>
    <message>
        <source>Filter by behaviour</source>
        <translation>Filter op soort gedrag</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casussen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>All behaviour</source>
        <translation>Alle soorten gedrag</translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation>Alle organisaties</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Alle jaren</translation>
    </message>
    <message>
        <source>{shown} of {total} cases</source>
        <translation>{shown} van {total} casussen</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Wachtwoordzin wijzigen</translation>
    </message>
    <message>
        <source>The vault is encrypted again with the new passphrase. Backups you made earlier still open with the old one.</source>
        <translation>De kluis wordt opnieuw versleuteld met de nieuwe wachtwoordzin. Back-ups die u eerder hebt gemaakt, openen nog steeds met de oude.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Huidige wachtwoordzin</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <source>Repeat new passphrase</source>
        <translation>Nieuwe wachtwoordzin herhalen</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Sterkte</translation>
    </message>
    <message>
        <source>Type your current passphrase first.</source>
        <translation>Typ eerst uw huidige wachtwoordzin.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>De wachtwoordzin is te kort: gebruik minstens 8 tekens.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>De twee wachtwoordzinnen verschillen. Typ ze opnieuw.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Add a few words.</source>
        <translation>Deze wachtwoordzin is te makkelijk te raden. Voeg een paar woorden toe.</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Checklist progress</source>
        <translation>Voortgang van de checklist</translation>
    </message>
    <message>
        <source>Required items still open</source>
        <translation>Verplichte punten die nog openstaan</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Show the guidance that applies</source>
        <translation>De aanwijzing tonen die nu geldt</translation>
    </message>
    <message>
        <source>Guidance applies after the answer to: %1</source>
        <translation>Er geldt een aanwijzing na het antwoord op: %1</translation>
    </message>
    <message>
        <source>No checklist selected.</source>
        <translation>Geen checklist gekozen.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message>
        <source>Still open (required): %1</source>
        <translation>Nog open (verplicht): %1</translation>
    </message>
    <message>
        <source>All required items are done.</source>
        <translation>Alle verplichte punten zijn afgerond.</translation>
    </message>
    <message>
        <source>Answers from an earlier version of this checklist:</source>
        <translation>Antwoorden uit een eerdere versie van deze checklist:</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Close case {code}</source>
        <translation>Casus {code} afsluiten</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>Datum van afsluiten</translation>
    </message>
    <message>
        <source>Follow-up after closing</source>
        <translation>Vervolg na afsluiten</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Vervolg</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Afloop</translation>
    </message>
    <message>
        <source>How the situation at work is now, as the person experiences it. It counts in the annual report.</source>
        <translation>Hoe de situatie op het werk nu is, zoals de melder het zelf ervaart. Dit telt mee in het jaarverslag.</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Wat er verandert</translation>
    </message>
    <message>
        <source>{n} required checklist items are still open. You can close the case anyway; they stay visible in the conversations.</source>
        <translation>Er staan nog {n} verplichte checklistpunten open. U kunt de casus toch afsluiten; ze blijven zichtbaar in de gesprekken.</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Casus afsluiten</translation>
    </message>
    <message>
        <source>Status: open → closed on {date}</source>
        <translation>Status: open → gesloten op {date}</translation>
    </message>
    <message>
        <source>Follow-up: {old} → {new}</source>
        <translation>Vervolg: {old} → {new}</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>Afloop: {outcome}</translation>
    </message>
    <message>
        <source>These reminders are ticked off:</source>
        <translation>Deze herinneringen worden afgevinkt:</translation>
    </message>
    <message>
        <source>There are no open reminders.</source>
        <translation>Er staan geen herinneringen open.</translation>
    </message>
    <message>
        <source>The retention period starts on the closing date.</source>
        <translation>De bewaartermijn begint op de datum van afsluiten.</translation>
    </message>
</context>
<context>
    <name>CombinedTableModel</name>
    <message>
        <source>Not shown: an adviser hid part of this figure to protect small numbers, so the sum is not shown either. It is not a small number itself.</source>
        <translation>Niet getoond: een vertrouwenspersoon heeft een deel van dit getal afgeschermd om kleine aantallen te beschermen, dus de som wordt ook niet getoond. Zelf is het geen klein aantal.</translation>
    </message>
    <message>
        <source>Unknown: a source does not list this category separately.</source>
        <translation>Onbekend: een van de bronnen vermeldt deze categorie niet apart.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Facts related to the matter only. No names, phone numbers or other details that identify someone.</source>
        <translation>Alleen feiten die met de zaak te maken hebben. Geen namen, telefoonnummers of andere gegevens waaraan iemand te herkennen is.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>Kind of conversation</source>
        <translation>Soort gesprek</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Aantekeningen</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>(no checklist)</source>
        <translation>(geen checklist)</translation>
    </message>
    <message>
        <source>Copy notes</source>
        <translation>Aantekeningen kopiëren</translation>
    </message>
    <message>
        <source>Possible identifiers</source>
        <translation>Mogelijk identificerende gegevens</translation>
    </message>
    <message>
        <source>These checklist answers may identify someone:

{lines}

Save them anyway? The conversation is then marked. Choose No to change the answers first.</source>
        <translation>Deze antwoorden in de checklist kunnen iemand herkenbaar maken:

{lines}

Toch opslaan? Het gesprek wordt dan gemarkeerd. Kies Nee om de antwoorden eerst aan te passen.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Welcome. Start by adding the organisations you work for; then you can record cases and conversations.</source>
        <translation>Welkom. Begin met de organisaties waarvoor u werkt; daarna kunt u casussen en gesprekken vastleggen.</translation>
    </message>
    <message>
        <source>Add an organisation…</source>
        <translation>Organisatie toevoegen…</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Lopende casussen</translation>
    </message>
    <message>
        <source>Follow-ups due this week</source>
        <translation>Vervolgstappen die deze week aan de beurt zijn</translation>
    </message>
    <message>
        <source>Conversations with a possible identifier</source>
        <translation>Gesprekken met een mogelijk identificerend gegeven</translation>
    </message>
    <message>
        <source>Cases whose details fall due for removal</source>
        <translation>Casussen waarvan de details verwijderd moeten worden</translation>
    </message>
    <message>
        <source>Follow-ups and terms (this week and overdue)</source>
        <translation>Vervolgstappen en termijnen (deze week en verlopen)</translation>
    </message>
    <message>
        <source>Conversations with a possible identifier (open one to review it)</source>
        <translation>Gesprekken met een mogelijk identificerend gegeven (open er een om het na te kijken)</translation>
    </message>
    <message>
        <source>Cases opened this year per organisation</source>
        <translation>Casussen geopend dit jaar, per organisatie</translation>
    </message>
    <message>
        <source>Follow-ups and terms; tick one off when done</source>
        <translation>Vervolgafspraken en termijnen; vink af wanneer gedaan</translation>
    </message>
    <message>
        <source>Nothing due this week.</source>
        <translation>Deze week staat er niets op de planning.</translation>
    </message>
    <message>
        <source>Cases opened in {year} per organisation</source>
        <translation>Casussen geopend in {year}, per organisatie</translation>
    </message>
</context>
<context>
    <name>DecisionWizard</name>
    <message>
        <source>Decision aid: which route fits?</source>
        <translation>Beslishulp: welke route past?</translation>
    </message>
    <message>
        <source>Enter a number</source>
        <translation>Vul een getal in</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advies</translation>
    </message>
    <message>
        <source>A route to discuss (the person decides)</source>
        <translation>Een route om te bespreken (de melder beslist)</translation>
    </message>
    <message>
        <source>Answers so far</source>
        <translation>Antwoorden tot nu toe</translation>
    </message>
    <message>
        <source>Reasons so far</source>
        <translation>Redenen tot nu toe</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Vorige</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Volgende &gt;</translation>
    </message>
    <message>
        <source>Save with case</source>
        <translation>Opslaan bij de casus</translation>
    </message>
    <message>
        <source>Save handout as PDF…</source>
        <translation>Informatieblad opslaan als pdf…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message numerus="yes">
        <source>Question %n</source>
        <translation>
            <numerusform>Vraag %n</numerusform>
            <numerusform>Vraag %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Other routes that also apply</source>
        <translation>Andere routes die ook passen</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Waarschuwingen</translation>
    </message>
    <message>
        <source>Help lines</source>
        <translation>Hulplijnen</translation>
    </message>
    <message>
        <source>What this route asks</source>
        <translation>Wat deze route vraagt</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Termijnen</translation>
    </message>
    <message>
        <source>Rules that apply</source>
        <translation>Regels die gelden</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>Nog nodig</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Redenen</translation>
    </message>
    <message>
        <source>The advice is saved with the case.</source>
        <translation>Het advies is bij de casus opgeslagen.</translation>
    </message>
    <message>
        <source>The handout is ready.</source>
        <translation>Het informatieblad is klaar.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export PDF</source>
        <translation>PDF exporteren</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exporteren</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>JSON exporteren</translation>
    </message>
    <message>
        <source>Export signed statistics</source>
        <translation>Ondertekende cijfers exporteren</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>Excel exporteren</translation>
    </message>
    <message>
        <source>The text &apos;Signals and recommendations&apos; may point at people: the privacy check found {kinds}. Print it as it is anyway? Choose No to rewrite it in general terms first.</source>
        <translation>De tekst ‘Signalen en aanbevelingen’ kan naar personen wijzen: de privacycontrole vond {kinds}. Toch ongewijzigd afdrukken? Kies Nee om hem eerst in algemene bewoordingen te herschrijven.</translation>
    </message>
    <message>
        <source>Figures for this organisation and year were published before, and these differ. A reader who has both versions could compare them and work hidden figures back. Publish a new version anyway? Every figure hidden before stays hidden, and all versions are checked together; if that check fails, nothing is written.</source>
        <translation>Voor deze organisatie en dit jaar zijn al eerder cijfers gepubliceerd, en deze wijken daarvan af. Wie beide versies heeft, kan ze vergelijken en verborgen cijfers terugrekenen. Toch een nieuwe versie publiceren? Alles wat eerder verborgen was, blijft verborgen, en alle versies worden samen gecontroleerd; slaagt die controle niet, dan wordt er niets geschreven.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>{file} wordt geschreven…</translation>
    </message>
    <message>
        <source>The export was completed before the vault was locked: {path}</source>
        <translation>Het exporteren is voltooid voordat de kluis werd vergrendeld: {path}</translation>
    </message>
    <message>
        <source>The export was stopped by locking; nothing was written. Export again.</source>
        <translation>Het exporteren is afgebroken door het vergrendelen; er is niets geschreven. Exporteer opnieuw.</translation>
    </message>
    <message>
        <source>The file was written: {path}</source>
        <translation>Het bestand is opgeslagen: {path}</translation>
    </message>
    <message>
        <source>The published figures were recorded in the vault, so next year&apos;s report can compare with them.</source>
        <translation>De gepubliceerde cijfers zijn in de kluis vastgelegd, zodat het verslag van volgend jaar ermee kan vergelijken.</translation>
    </message>
    <message>
        <source>The export failed</source>
        <translation>Het exporteren is mislukt</translation>
    </message>
    <message>
        <source>{what}: {reason}. Nothing was written. Choose another folder and try again.</source>
        <translation>{what}: {reason}. Er is niets weggeschreven. Kies een andere map en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>{what} because of an unexpected problem ({reason}). Nothing was written. Try again; if it keeps failing, make a backup and report the problem.</source>
        <translation>{what} door een onverwacht probleem ({reason}). Er is niets weggeschreven. Probeer het opnieuw; blijft het mislukken, maak dan een back-up en meld het probleem.</translation>
    </message>
    <message>
        <source>PDF preview</source>
        <translation>PDF-voorbeeld</translation>
    </message>
    <message>
        <source>Making the preview…</source>
        <translation>Het voorbeeld wordt gemaakt…</translation>
    </message>
    <message>
        <source>The preview failed</source>
        <translation>Het voorbeeld kon niet worden gemaakt</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <source>Possible identifiers</source>
        <translation>Mogelijk identificerende gegevens</translation>
    </message>
    <message>
        <source>These parts of the text may identify a person. Ticked items are replaced by a placeholder such as [naam]. Untick what you deliberately keep; the conversation is then marked until it is cleaned.</source>
        <translation>Deze delen van de tekst kunnen iemand herkenbaar maken. Aangevinkte delen worden vervangen door een aanduiding zoals [naam]. Vink uit wat u bewust wilt houden; het gesprek blijft dan gemarkeerd totdat het is opgeschoond.</translation>
    </message>
    <message>
        <source>Replace ticked items and save</source>
        <translation>Aangevinkte delen vervangen en opslaan</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Terug naar bewerken</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Nieuwe casus</translation>
    </message>
    <message>
        <source>&amp;Search cases</source>
        <translation>&amp;Zoeken in casussen</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>Make &amp;backup…</source>
        <translation>&amp;Back-up maken…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>Back-up &amp;terugzetten…</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>Gegevens &amp;importeren…</translation>
    </message>
    <message>
        <source>Import from &amp;spreadsheet…</source>
        <translation>Importeren uit &amp;spreadsheet…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>&amp;Wachtwoordzin wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;About Vertrouwd</source>
        <translation>&amp;Over Vertrouwd</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <source>Not locked: {what} could not be kept. Save or copy it, then lock again.</source>
        <translation>Niet vergrendeld: {what} kon niet worden bewaard. Sla het op of kopieer het, en vergrendel daarna opnieuw.</translation>
    </message>
    <message>
        <source>The vault was locked automatically, but {what} could not be kept.</source>
        <translation>De kluis is automatisch vergrendeld, maar {what} kon niet worden bewaard.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The language was not switched yet: {what} could not be kept. Save your work and choose the language again.</source>
        <translation>De taal is nog niet gewisseld: {what} kon niet worden bewaard. Sla uw werk op en kies de taal opnieuw.</translation>
    </message>
    <message>
        <source>Make backup</source>
        <translation>Back-up maken</translation>
    </message>
    <message>
        <source>Vertrouwd backup (*.vbak)</source>
        <translation>Back-up van Vertrouwd (*.vbak)</translation>
    </message>
    <message>
        <source>vertrouwd-backup-{date}.vbak</source>
        <translation>vertrouwd-back-up-{date}.vbak</translation>
    </message>
    <message>
        <source>The backup failed: {reason}. Your vault is unchanged; choose another location and try again.</source>
        <translation>De back-up is mislukt: {reason}. Uw kluis is niet gewijzigd; kies een andere locatie en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Making backup…</source>
        <translation>Bezig met back-up maken…</translation>
    </message>
    <message>
        <source>The encrypted backup was written. It opens with your current passphrase.</source>
        <translation>De versleutelde back-up is opgeslagen. U opent hem met uw huidige wachtwoordzin.</translation>
    </message>
    <message>
        <source>The backup was completed before the vault was locked: {path}</source>
        <translation>De back-up is voltooid voordat de kluis werd vergrendeld: {path}</translation>
    </message>
    <message>
        <source>The backup was stopped by locking; nothing was written. Make the backup again.</source>
        <translation>De back-up is afgebroken door het vergrendelen; er is niets geschreven. Maak de back-up opnieuw.</translation>
    </message>
    <message>
        <source>The backup failed: {reason}.</source>
        <translation>De back-up is mislukt: {reason}.</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Gegevens importeren</translation>
    </message>
    <message>
        <source>Vertrouwd data (*.json)</source>
        <translation>Vertrouwd-gegevens (*.json)</translation>
    </message>
    <message>
        <source>Imported: {cases} cases with {contacts} conversations, {organisations} organisations and {activities} activities.</source>
        <translation>Geïmporteerd: {cases} casussen met {contacts} gesprekken, {organisations} organisaties en {activities} activiteiten.</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>Er is niets geïmporteerd: {reason}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Bezig met importeren…</translation>
    </message>
    <message>
        <source>The import was completed before the vault was locked.</source>
        <translation>Het importeren is voltooid voordat de kluis werd vergrendeld.</translation>
    </message>
    <message>
        <source>The import was stopped by locking; nothing was imported. Import again.</source>
        <translation>Het importeren is afgebroken door het vergrendelen; er is niets geïmporteerd. Importeer opnieuw.</translation>
    </message>
    <message>
        <source>Import from spreadsheet</source>
        <translation>Importeren uit spreadsheet</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Wachtwoordzin wijzigen</translation>
    </message>
    <message>
        <source>The passphrase was not changed: {reason}. The old passphrase still opens the vault.</source>
        <translation>De wachtwoordzin is niet gewijzigd: {reason}. De kluis opent nog steeds met de oude wachtwoordzin.</translation>
    </message>
    <message>
        <source>Encrypting again…</source>
        <translation>Bezig met opnieuw versleutelen…</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>De wachtwoordzin is gewijzigd. Gebruik vanaf nu de nieuwe.</translation>
    </message>
    <message>
        <source>The passphrase was not changed: the vault was locked first. The old passphrase still opens it.</source>
        <translation>De wachtwoordzin is niet gewijzigd: de kluis werd eerst vergrendeld. De oude wachtwoordzin opent de kluis nog steeds.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Back-up terugzetten</translation>
    </message>
    <message>
        <source>This replaces the current vault with the backup. A copy of the current vault is kept beside it. Continue?</source>
        <translation>Hiermee vervangt u de huidige kluis door de back-up. Een kopie van de huidige kluis blijft ernaast bewaard. Doorgaan?</translation>
    </message>
    <message>
        <source>Passphrase that was valid when the backup was made:</source>
        <translation>Wachtwoordzin die gold toen de back-up werd gemaakt:</translation>
    </message>
    <message>
        <source>The vault was restored. Unlock it with the passphrase of the backup.</source>
        <translation>De kluis is teruggezet. Ontgrendel hem met de wachtwoordzin van de back-up.</translation>
    </message>
    <message>
        <source>Nothing was restored: {reason}</source>
        <translation>Er is niets teruggezet: {reason}</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Bezig met terugzetten…</translation>
    </message>
    <message>
        <source>About Vertrouwd</source>
        <translation>Over Vertrouwd</translation>
    </message>
    <message>
        <source>Vertrouwd {version}: an encrypted case log for confidential advisers. Your records stay on this computer.</source>
        <translation>Vertrouwd {version}: een versleuteld casusregister voor vertrouwenspersonen. Uw gegevens blijven op deze computer.</translation>
    </message>
</context>
<context>
    <name>NarrativePanel</name>
    <message>
        <source>Signals and recommendations</source>
        <translation>Signalen en aanbevelingen</translation>
    </message>
    <message>
        <source>Describe patterns and advice for the organisation, never single incidents or people. Saved in the vault for this organisation and year.</source>
        <translation>Beschrijf patronen en adviezen voor de organisatie, nooit losse voorvallen of personen. Wordt in de kluis bewaard voor deze organisatie en dit jaar.</translation>
    </message>
    <message>
        <source>An overview of all organisations has no text of its own. Choose one organisation to write its signals and recommendations.</source>
        <translation>Een overzicht van alle organisaties heeft geen eigen tekst. Kies één organisatie om de signalen en aanbevelingen daarvoor te schrijven.</translation>
    </message>
    <message>
        <source>For example: several people mentioned the tone in team meetings; advice: make the code of conduct part of the introduction of new staff.</source>
        <translation>Bijvoorbeeld: meerdere mensen noemden de toon in teamoverleggen; advies: neem de gedragscode op in de introductie van nieuwe medewerkers.</translation>
    </message>
    <message>
        <source>The privacy check marks possible identifiers: {kinds}. Write about patterns, not about people.</source>
        <translation>De privacycontrole markeert mogelijk identificerende gegevens: {kinds}. Schrijf over patronen, niet over personen.</translation>
    </message>
</context>
<context>
    <name>OpenItemsTree</name>
    <message>
        <source>Open required checklist items</source>
        <translation>Open verplichte checklistpunten</translation>
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
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>One unit or department per line (optional)</source>
        <translation>Eén afdeling of onderdeel per regel (optioneel)</translation>
    </message>
    <message>
        <source>A sector switches on its own categories, such as pupil and parent for education. Cases keep the categories they already have.</source>
        <translation>Een sector zet eigen keuzes aan, zoals leerling en ouder in het onderwijs. Casussen houden de keuzes die ze al hebben.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Afdelingen</translation>
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
        <translation>Organisaties</translation>
    </message>
    <message>
        <source>Add organisation</source>
        <translation>Organisatie toevoegen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Afdelingen</translation>
    </message>
    <message>
        <source>Remove organisation</source>
        <translation>Organisatie verwijderen</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>{name} verwijderen?</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>This field is required.</source>
        <translation>Dit veld is verplicht.</translation>
    </message>
    <message>
        <source>Use a case code like 2026-014: the year, a dash and a number.</source>
        <translation>Gebruik een casuscode zoals 2026-014: het jaartal, een streepje en een nummer.</translation>
    </message>
    <message>
        <source>Enter a valid date.</source>
        <translation>Vul een geldige datum in.</translation>
    </message>
    <message>
        <source>The closing date lies before the opening date.</source>
        <translation>De sluitingsdatum ligt vóór de openingsdatum.</translation>
    </message>
    <message>
        <source>This date lies before the case was opened.</source>
        <translation>Deze datum ligt vóór de opening van de casus.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Kies een waarde uit de lijst.</translation>
    </message>
    <message>
        <source>Choose a unit of this organisation.</source>
        <translation>Kies een afdeling van deze organisatie.</translation>
    </message>
    <message>
        <source>This cannot be negative.</source>
        <translation>Dit kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>This date lies in the future; record a request on the day it was asked (today or earlier).</source>
        <translation>Deze datum ligt in de toekomst; leg een vraag vast op de dag dat ze gesteld is (vandaag of eerder).</translation>
    </message>
    <message>
        <source>This number is too large.</source>
        <translation>Dit getal is te groot.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Vul een getal in.</translation>
    </message>
    <message>
        <source>This appears twice.</source>
        <translation>Dit komt twee keer voor.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Deze tekst is te lang.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>next conversation</source>
        <translation>volgend gesprek</translation>
    </message>
    <message>
        <source>acknowledgement of receipt due</source>
        <translation>termijn ontvangstbevestiging</translation>
    </message>
    <message>
        <source>feedback due</source>
        <translation>termijn terugkoppeling</translation>
    </message>
    <message>
        <source>admissibility decision due</source>
        <translation>termijn besluit over ontvankelijkheid</translation>
    </message>
    <message>
        <source>advice of the complaints committee due</source>
        <translation>termijn advies klachtencommissie</translation>
    </message>
    <message>
        <source>last day to file the complaint (estimate)</source>
        <translation>uiterste dag om de klacht in te dienen (schatting)</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Signed figures for a supervisor (*.vstat)</source>
        <translation>Ondertekende cijfers voor een coördinator (*.vstat)</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Annual report</source>
        <translation>Jaarverslag</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Werkwijze</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Open PDF preview</source>
        <translation>PDF-voorbeeld openen</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exporteren</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exporteren</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>JSON exporteren</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>Excel exporteren</translation>
    </message>
    <message>
        <source>The published tables as an Excel workbook: one sheet per table, hidden figures as x, and how the figures were protected.</source>
        <translation>De gepubliceerde tabellen als Excel-werkmap: één werkblad per tabel, niet getoonde aantallen als x, en hoe de cijfers zijn beschermd.</translation>
    </message>
    <message>
        <source>Signed statistics (.vstat)</source>
        <translation>Ondertekende cijfers (.vstat)</translation>
    </message>
    <message>
        <source>The published figures, signed with your key, for a supervisor who combines the figures of several advisers.</source>
        <translation>De gepubliceerde cijfers, ondertekend met uw sleutel, voor een coördinator die de cijfers van meerdere vertrouwenspersonen samenvoegt.</translation>
    </message>
    <message>
        <source>There are no cases for this selection yet, so there is no report to show.</source>
        <translation>Er zijn nog geen casussen voor deze selectie, dus er is geen verslag om te tonen.</translation>
    </message>
    <message>
        <source>Computing the protected figures…</source>
        <translation>De beschermde cijfers worden berekend…</translation>
    </message>
    <message>
        <source>These figures cannot be protected well enough to publish, so they cannot be exported. Try a threshold closer to {min}, or report this year together with all organisations.</source>
        <translation>Deze cijfers zijn niet goed genoeg te beschermen om te publiceren, dus ze kunnen niet worden geëxporteerd. Probeer een drempel dichter bij {min}, of rapporteer dit jaar samen met alle organisaties.</translation>
    </message>
    <message>
        <source>The figures could not be computed</source>
        <translation>De cijfers konden niet worden berekend</translation>
    </message>
    <message>
        <source>Choose an organisation and a year.</source>
        <translation>Kies een organisatie en een jaar.</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casussen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacten</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Uren</translation>
    </message>
    <message>
        <source>Hidden cells</source>
        <translation>Verborgen cellen</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Requests for information or advice</source>
        <translation>Vragen om informatie of advies</translation>
    </message>
    <message>
        <source>A question that is not a case: a manager asking how to handle a situation, an employee asking about the procedure. Counted apart from cases in the annual report. Only the kind of question, who asked and the time are recorded.</source>
        <translation>Een vraag die geen casus is: een leidinggevende die vraagt hoe hij met een situatie omgaat, een medewerker die vraagt hoe de procedure werkt. In het jaarverslag apart van de casussen geteld. Alleen de soort vraag, wie vroeg en de tijd worden vastgelegd.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Kind of request</source>
        <translation>Soort vraag</translation>
    </message>
    <message>
        <source>Who asked</source>
        <translation>Wie vroeg</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Record a request</source>
        <translation>Vraag vastleggen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Vastleggen</translation>
    </message>
    <message>
        <source>Topic (optional)</source>
        <translation>Onderwerp (optioneel)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Cancel change</source>
        <translation>Wijziging annuleren</translation>
    </message>
    <message>
        <source>Show the requests of</source>
        <translation>Toon de vragen van</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Toon</translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation>Alle organisaties</translation>
    </message>
    <message>
        <source>Add a client organisation first (Organisations).</source>
        <translation>Voeg eerst een opdrachtgevende organisatie toe (Organisaties).</translation>
    </message>
    <message>
        <source>Requests: {n} · hours: {hours}</source>
        <translation>Vragen: {n} · uren: {hours}</translation>
    </message>
    <message>
        <source>Recorded: {kind}, {minutes} min ({organisation}).</source>
        <translation>Vastgelegd: {kind}, {minutes} min ({organisation}).</translation>
    </message>
    <message>
        <source>Save change</source>
        <translation>Wijziging opslaan</translation>
    </message>
    <message>
        <source>Remove request</source>
        <translation>Vraag verwijderen</translation>
    </message>
    <message>
        <source>Remove this request?</source>
        <translation>Deze vraag verwijderen?</translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <source>Case details removed (retention)</source>
        <translation>Casusdetails verwijderd (bewaartermijn)</translation>
    </message>
    <message>
        <source>Case removed entirely</source>
        <translation>Casus volledig verwijderd</translation>
    </message>
    <message>
        <source>Case removed: consent withdrawn</source>
        <translation>Casus verwijderd: toestemming ingetrokken</translation>
    </message>
    <message>
        <source>Retention period changed</source>
        <translation>Bewaartermijn gewijzigd</translation>
    </message>
    <message>
        <source>Case created</source>
        <translation>Casus aangemaakt</translation>
    </message>
    <message>
        <source>Case changed</source>
        <translation>Casus gewijzigd</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>Casus gesloten</translation>
    </message>
    <message>
        <source>Case reopened</source>
        <translation>Casus heropend</translation>
    </message>
    <message>
        <source>Case removed</source>
        <translation>Casus verwijderd</translation>
    </message>
    <message>
        <source>Contact added</source>
        <translation>Contact toegevoegd</translation>
    </message>
    <message>
        <source>Contact changed</source>
        <translation>Contact gewijzigd</translation>
    </message>
    <message>
        <source>Contact removed</source>
        <translation>Contact verwijderd</translation>
    </message>
    <message>
        <source>Organisation added</source>
        <translation>Organisatie toegevoegd</translation>
    </message>
    <message>
        <source>Organisation changed</source>
        <translation>Organisatie gewijzigd</translation>
    </message>
    <message>
        <source>Organisation removed</source>
        <translation>Organisatie verwijderd</translation>
    </message>
    <message>
        <source>Activity added</source>
        <translation>Activiteit toegevoegd</translation>
    </message>
    <message>
        <source>Activity changed</source>
        <translation>Activiteit gewijzigd</translation>
    </message>
    <message>
        <source>Activity removed</source>
        <translation>Activiteit verwijderd</translation>
    </message>
    <message>
        <source>Request for information or advice added</source>
        <translation>Vraag om informatie of advies toegevoegd</translation>
    </message>
    <message>
        <source>Request for information or advice changed</source>
        <translation>Vraag om informatie of advies gewijzigd</translation>
    </message>
    <message>
        <source>Request for information or advice removed</source>
        <translation>Vraag om informatie of advies verwijderd</translation>
    </message>
    <message>
        <source>Decision aid saved</source>
        <translation>Beslishulp opgeslagen</translation>
    </message>
    <message>
        <source>Annual report recorded</source>
        <translation>Jaarverslag vastgelegd</translation>
    </message>
    <message>
        <source>Figures given out</source>
        <translation>Cijfers uitgebracht</translation>
    </message>
    <message>
        <source>Vault upgraded</source>
        <translation>Kluis bijgewerkt</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Kluis aangemaakt</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Wachtwoordzin gewijzigd</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Back-up gemaakt</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>Gegevens geëxporteerd</translation>
    </message>
    <message>
        <source>Data imported</source>
        <translation>Gegevens geïmporteerd</translation>
    </message>
    <message>
        <source>Demo data added</source>
        <translation>Demonstratiegegevens toegevoegd</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Casus</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Verwijderen per</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacten</translation>
    </message>
    <message>
        <source>With notes</source>
        <translation>Met aantekeningen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijdstip</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>cases: {n}</source>
        <translation>casussen: {n}</translation>
    </message>
    <message>
        <source>conversations: {n}</source>
        <translation>gesprekken: {n}</translation>
    </message>
    <message>
        <source>saved advice: {n}</source>
        <translation>opgeslagen adviezen: {n}</translation>
    </message>
    <message>
        <source>reminders: {n}</source>
        <translation>herinneringen: {n}</translation>
    </message>
    <message>
        <source>drafts: {n}</source>
        <translation>concepten: {n}</translation>
    </message>
    <message>
        <source>retention term in months: {n}</source>
        <translation>bewaartermijn in maanden: {n}</translation>
    </message>
    <message>
        <source>all data</source>
        <translation>alle gegevens</translation>
    </message>
    <message>
        <source>annual report</source>
        <translation>jaarverslag</translation>
    </message>
    <message>
        <source>supervisor file</source>
        <translation>bestand voor de coördinator</translation>
    </message>
    <message>
        <source>case {code}</source>
        <translation>casus {code}</translation>
    </message>
    <message>
        <source>a removed case</source>
        <translation>een verwijderde casus</translation>
    </message>
    <message>
        <source>a removed organisation</source>
        <translation>een verwijderde organisatie</translation>
    </message>
    <message>
        <source>a conversation</source>
        <translation>een gesprek</translation>
    </message>
    <message>
        <source>an activity</source>
        <translation>een activiteit</translation>
    </message>
    <message>
        <source> mo.</source>
        <translation> mnd.</translation>
    </message>
    <message>
        <source>How long the details of a closed case are kept. The figures of the case are always kept for the annual report.</source>
        <translation>Hoe lang de details van een gesloten casus bewaard blijven. De cijfers van de casus blijven altijd bewaard voor het jaarverslag.</translation>
    </message>
    <message>
        <source>Cases whose details fall due</source>
        <translation>Casussen waarvan de details verwijderd moeten worden</translation>
    </message>
    <message>
        <source>Purge now</source>
        <translation>Nu opschonen</translation>
    </message>
    <message>
        <source>Remove notes, checklist answers, saved advice, reminders and drafts of the cases listed; keep their figures.</source>
        <translation>Verwijder aantekeningen, checklistantwoorden, opgeslagen adviezen, herinneringen en concepten van de genoemde casussen; hun cijfers blijven bewaard.</translation>
    </message>
    <message>
        <source>Compact now</source>
        <translation>Nu comprimeren</translation>
    </message>
    <message>
        <source>Rewrite the vault so that no removed text stays behind in free space.</source>
        <translation>Herschrijf de kluis, zodat er geen verwijderde tekst in de vrije ruimte achterblijft.</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>Bewaartermijn</translation>
    </message>
    <message>
        <source>Keep case details after closing for</source>
        <translation>Casusdetails na het sluiten bewaren gedurende</translation>
    </message>
    <message>
        <source>Falls due</source>
        <translation>Aan de beurt voor verwijdering</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Logboek</translation>
    </message>
    <message numerus="yes">
        <source>%n closed case(s) have details older than the retention period.</source>
        <translation>
            <numerusform>%n gesloten casus heeft details die ouder zijn dan de bewaartermijn.</numerusform>
            <numerusform>%n gesloten casussen hebben details die ouder zijn dan de bewaartermijn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing falls due.</source>
        <translation>Er is niets aan de beurt.</translation>
    </message>
    <message numerus="yes">
        <source>Retention period set to %n month(s).</source>
        <translation>
            <numerusform>Bewaartermijn ingesteld op %n maand.</numerusform>
            <numerusform>Bewaartermijn ingesteld op %n maanden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing falls due; nothing was removed.</source>
        <translation>Er is niets aan de beurt; er is niets verwijderd.</translation>
    </message>
    <message numerus="yes">
        <source>Remove the details of %n case(s)? Notes, checklist answers, saved advice, reminders and drafts of these cases are erased for good; their figures stay for the annual reports. Backups made earlier still hold the details.</source>
        <translation>
            <numerusform>De details van %n casus verwijderen? Aantekeningen, checklistantwoorden, opgeslagen adviezen, herinneringen en concepten van deze casus worden definitief gewist; de cijfers blijven bewaard voor de jaarverslagen. Eerder gemaakte back-ups bevatten de details nog wel.</numerusform>
            <numerusform>De details van %n casussen verwijderen? Aantekeningen, checklistantwoorden, opgeslagen adviezen, herinneringen en concepten van deze casussen worden definitief gewist; de cijfers blijven bewaard voor de jaarverslagen. Eerder gemaakte back-ups bevatten de details nog wel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>Er is niets verwijderd.</translation>
    </message>
    <message numerus="yes">
        <source>Details of %n case(s) removed; their figures are kept.</source>
        <translation>
            <numerusform>Details van %n casus verwijderd; de cijfers blijven bewaard.</numerusform>
            <numerusform>Details van %n casussen verwijderd; de cijfers blijven bewaard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older copy(ies) of the vault beside it still hold the old details; remove them when you no longer need them.</source>
        <translation>
            <numerusform>%n oudere kopie van de kluis in dezelfde map bevat nog de oude details; verwijder die zodra u hem niet meer nodig hebt.</numerusform>
            <numerusform>%n oudere kopieën van de kluis in dezelfde map bevatten nog de oude details; verwijder ze zodra u ze niet meer nodig hebt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older copy(ies) of the vault beside it, made before an upgrade or a restore, still hold the removed details. Remove them now?</source>
        <translation>
            <numerusform>%n oudere kopie van de kluis, gemaakt vóór een upgrade of het terugzetten van een back-up, bevat nog de verwijderde details. Nu verwijderen?</numerusform>
            <numerusform>%n oudere kopieën van de kluis, gemaakt vóór een upgrade of het terugzetten van een back-up, bevatten nog de verwijderde details. Nu verwijderen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older copy(ies) removed.</source>
        <translation>
            <numerusform>%n oudere kopie verwijderd.</numerusform>
            <numerusform>%n oudere kopieën verwijderd.</numerusform>
        </translation>
    </message>
    <message>
        <source>The vault is compacted: no removed text remains in free space.</source>
        <translation>De kluis is gecomprimeerd: er staat geen verwijderde tekst meer in de vrije ruimte.</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <source>Language of the published report and its labels.</source>
        <translation>Taal van het gepubliceerde verslag en de labels daarin.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Taal van het verslag</translation>
    </message>
    <message>
        <source>All organisations (own overview)</source>
        <translation>Alle organisaties (eigen overzicht)</translation>
    </message>
    <message>
        <source>Figures below this number are not shown. Your settings say {k}; a change here applies to this report only and can never go below {min}.</source>
        <translation>Aantallen onder deze drempel worden niet getoond. In uw instellingen staat {k}; een wijziging hier geldt alleen voor dit verslag en kan nooit lager zijn dan {min}.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>e.g. Praktijk Vertrouwenswerk</source>
        <translation>bijv. Praktijk Vertrouwenswerk</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Vergrendelen na inactiviteit</translation>
    </message>
    <message>
        <source>Practice name (on reports)</source>
        <translation>Naam van de praktijk (op verslagen)</translation>
    </message>
    <message>
        <source>Threshold for small numbers in reports</source>
        <translation>Drempel voor kleine aantallen in verslagen</translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation>Vingerafdruk van de ondertekeningssleutel</translation>
    </message>
    <message>
        <source>Passphrase protection</source>
        <translation>Bescherming wachtwoordzin</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Instellingen opslaan</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <source>Export checklist…</source>
        <translation>Checklist exporteren…</translation>
    </message>
    <message>
        <source>Import checklist…</source>
        <translation>Checklist importeren…</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(niet beschikbaar)</translation>
    </message>
    <message>
        <source>Argon2id, {mib} MiB, {passes} passes</source>
        <translation>Argon2id, {mib} MiB, {passes} rondes</translation>
    </message>
    <message>
        <source>{title} (version {version})</source>
        <translation>{title} (versie {version})</translation>
    </message>
    <message>
        <source>Export checklist</source>
        <translation>Checklist exporteren</translation>
    </message>
    <message>
        <source>Checklist (*.toml)</source>
        <translation>Checklist (*.toml)</translation>
    </message>
    <message>
        <source>Checklist exported. Edit it with a text editor and import it again with a higher version number.</source>
        <translation>Checklist geëxporteerd. Bewerk hem met een teksteditor en importeer hem opnieuw met een hoger versienummer.</translation>
    </message>
    <message>
        <source>Import checklist</source>
        <translation>Checklist importeren</translation>
    </message>
    <message>
        <source>The checklist was not imported: {reason}</source>
        <translation>De checklist is niet geïmporteerd: {reason}</translation>
    </message>
    <message>
        <source>Checklist imported: {title}, version {version}.</source>
        <translation>Checklist geïmporteerd: {title}, versie {version}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
</context>
<context>
    <name>SheetImportDialog</name>
    <message>
        <source>Import from spreadsheet</source>
        <translation>Importeren uit spreadsheet</translation>
    </message>
    <message>
        <source>Check how the columns of {file} become cases and conversations. Names, e-mail addresses and phone or personnel numbers never come in: such columns are left out, and notes are cleaned before they are stored.</source>
        <translation>Controleer hoe de kolommen van {file} casussen en gesprekken worden. Namen, e-mailadressen en telefoon- of personeelsnummers komen nooit mee: zulke kolommen blijven weg, en notities worden opgeschoond voordat ze worden bewaard.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>Unknown values</source>
        <translation>Onbekende waarden</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <source>One row per conversation (grouped into cases)</source>
        <translation>Eén rij per gesprek (gegroepeerd tot casussen)</translation>
    </message>
    <message>
        <source>One row per case</source>
        <translation>Eén rij per casus</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rijen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <source>Without a case column, conversations of one organisation about the same kind of behaviour and relation belong to one case while they lie at most this many days apart.</source>
        <translation>Zonder kolom met een casusnummer horen gesprekken van één organisatie over hetzelfde soort gedrag en dezelfde relatie bij één casus zolang ze hoogstens zoveel dagen uit elkaar liggen.</translation>
    </message>
    <message>
        <source>Same case when at most</source>
        <translation>Zelfde casus bij hoogstens</translation>
    </message>
    <message>
        <source>only when the sheet has no organisation column</source>
        <translation>alleen als het werkblad geen kolom met de organisatie heeft</translation>
    </message>
    <message>
        <source>Organisation of every row</source>
        <translation>Organisatie van alle rijen</translation>
    </message>
    <message>
        <source>Also import cases that seem to be in the vault already</source>
        <translation>Ook casussen importeren die al in de kluis lijken te staan</translation>
    </message>
    <message>
        <source>A case with the same organisation, opening date, kind of behaviour, relation, role and conversations (dates and minutes) as one in the vault is left out unless this is ticked.</source>
        <translation>Een casus met dezelfde organisatie, openingsdatum, soort gedrag, relatie, rol en gesprekken (data en minuten) als een casus in de kluis wordt weggelaten, tenzij u dit aanvinkt.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Voorbeelden</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Wordt</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Value in the sheet</source>
        <translation>Waarde in het werkblad</translation>
    </message>
    <message>
        <source>These parts of notes may identify a person. Ticked items are replaced by a placeholder such as [naam]. Untick what you deliberately keep: the conversation is then marked for review.</source>
        <translation>Deze delen van notities kunnen naar een persoon leiden. Aangevinkte delen worden vervangen door een plaatsvervanger zoals [naam]. Vink uit wat u bewust bewaart: het gesprek wordt dan gemarkeerd om na te kijken.</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alles vervangen</translation>
    </message>
    <message>
        <source>Leave all notes out</source>
        <translation>Alle notities weglaten</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>Koppeling opslaan…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(niet importeren)</translation>
    </message>
    <message>
        <source>Case reference (groups rows; not stored)</source>
        <translation>Casusnummer (groepeert rijen; wordt niet bewaard)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Unit or department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Date of the conversation</source>
        <translation>Datum van het gesprek</translation>
    </message>
    <message>
        <source>Date the case was opened</source>
        <translation>Datum waarop de casus begon</translation>
    </message>
    <message>
        <source>Date the case was closed</source>
        <translation>Datum waarop de casus is afgesloten</translation>
    </message>
    <message>
        <source>Kind of behaviour</source>
        <translation>Soort gedrag</translation>
    </message>
    <message>
        <source>Relation to the accused</source>
        <translation>Relatie tot degene over wie het gaat</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Vervolg</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>Kind of conversation</source>
        <translation>Soort gesprek</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Uren</translation>
    </message>
    <message>
        <source>Notes (cleaned)</source>
        <translation>Notities (opgeschoond)</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>Er is niets geïmporteerd: {reason}</translation>
    </message>
    <message>
        <source>The import was completed before the vault was locked: {cases} cases.</source>
        <translation>Het importeren was klaar voordat de kluis werd vergrendeld: {cases} casussen.</translation>
    </message>
    <message>
        <source>The import was stopped by locking; nothing was imported. Import the spreadsheet again.</source>
        <translation>Het importeren is afgebroken door het vergrendelen; er is niets geïmporteerd. Importeer het spreadsheet opnieuw.</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (verborgen)</translation>
    </message>
    <message>
        <source>(personal data: left out)</source>
        <translation>(persoonsgegevens: blijft weg)</translation>
    </message>
    <message>
        <source>Unknown values ({n})</source>
        <translation>Onbekende waarden ({n})</translation>
    </message>
    <message>
        <source>Row {row}: {kind}: {text}  →  {placeholder}</source>
        <translation>Rij {row}: {kind}: {text}  →  {placeholder}</translation>
    </message>
    <message>
        <source>Privacy ({n})</source>
        <translation>Privacy ({n})</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Koppeling opslaan</translation>
    </message>
    <message>
        <source>Mapping (*.toml)</source>
        <translation>Koppeling (*.toml)</translation>
    </message>
    <message>
        <source>{cases} cases with {contacts} conversations would be imported.</source>
        <translation>Er zouden {cases} casussen met {contacts} gesprekken worden geïmporteerd.</translation>
    </message>
    <message>
        <source>Per organisation: {list}</source>
        <translation>Per organisatie: {list}</translation>
    </message>
    <message>
        <source>Per year: {list}</source>
        <translation>Per jaar: {list}</translation>
    </message>
    <message>
        <source>Left out: columns with personal data: {columns}; rows refused: {rows}; totals rows: {skipped}. Possible identifiers in notes: {found}.</source>
        <translation>Weggelaten: kolommen met persoonsgegevens: {columns}; geweigerde rijen: {rows}; totaalrijen: {skipped}. Mogelijke herkenbare gegevens in notities: {found}.</translation>
    </message>
    <message>
        <source>{n} cases seem to be in the vault already (rows {rows}); they are imported anyway.</source>
        <translation>{n} casussen lijken al in de kluis te staan (rijen {rows}); ze worden toch geïmporteerd.</translation>
    </message>
    <message>
        <source>Position or role of the person</source>
        <translation>Positie of rol van de melder</translation>
    </message>
    <message>
        <source>{n} cases seem to be in the vault already (rows {rows}); they are left out.</source>
        <translation>{n} casussen lijken al in de kluis te staan (rijen {rows}); ze worden niet geïmporteerd.</translation>
    </message>
    <message>
        <source>Row {row} refused: {reason}</source>
        <translation>Rij {row} geweigerd: {reason}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Busy</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Supervisor mode: receive and combine statistics…</source>
        <translation>Coördinatormodus: cijfers ontvangen en samenvoegen…</translation>
    </message>
</context>
<context>
    <name>SupervisorStart</name>
    <message>
        <source>Vertrouwd – supervisor mode</source>
        <translation>Vertrouwd – coördinatormodus</translation>
    </message>
    <message>
        <source>Supervisor mode</source>
        <translation>Coördinatormodus</translation>
    </message>
    <message>
        <source>Here you receive signed statistics from advisers, check where they came from, and combine them. Your list of trusted advisers and the received files are kept encrypted.</source>
        <translation>Hier ontvangt u ondertekende cijfers van vertrouwenspersonen, controleert u waar ze vandaan komen en voegt u ze samen. Uw lijst van vertrouwenspersonen wier sleutel u vertrouwt en de ontvangen bestanden worden versleuteld bewaard.</translation>
    </message>
    <message>
        <source>Choose a passphrase for your supervisor store.</source>
        <translation>Kies een wachtwoordzin voor uw coördinatorarchief.</translation>
    </message>
    <message>
        <source>Enter the passphrase of your supervisor store.</source>
        <translation>Voer de wachtwoordzin van uw coördinatorarchief in.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Wachtwoordzin herhalen</translation>
    </message>
    <message>
        <source>Create store</source>
        <translation>Archief aanmaken</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>De wachtwoordzin is te kort: gebruik minstens 8 tekens.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>De twee wachtwoordzinnen verschillen. Typ ze opnieuw.</translation>
    </message>
    <message>
        <source>Opening the supervisor store…</source>
        <translation>Het coördinatorarchief wordt geopend…</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>Combined statistics</source>
        <translation>Samengevoegde cijfers</translation>
    </message>
    <message>
        <source>Add up the annual figures that advisers send you. Choose “Import files…” and select their statistics files (.vstat). Only files signed by advisers you trust are counted; figures an adviser hid stay hidden in the sums.</source>
        <translation>Tel de jaarcijfers op die vertrouwenspersonen u sturen. Kies ‘Bestanden importeren…’ en selecteer hun cijferbestanden (.vstat). Alleen bestanden die zijn ondertekend door vertrouwenspersonen die u vertrouwt, tellen mee; getallen die een vertrouwenspersoon heeft afgeschermd, blijven ook in de sommen afgeschermd.</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Bestanden importeren…</translation>
    </message>
    <message>
        <source>per organisation</source>
        <translation>per organisatie</translation>
    </message>
    <message>
        <source>per adviser</source>
        <translation>per vertrouwenspersoon</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>per jaar</translation>
    </message>
    <message>
        <source>all together</source>
        <translation>alles samen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exporteren…</translation>
    </message>
    <message>
        <source>Combine:</source>
        <translation>Samenvoegen:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>Vertrouwenspersoon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Combined figures</source>
        <translation>Samengevoegde cijfers</translation>
    </message>
    <message>
        <source>x = not shown, to protect small numbers: an adviser hid part of this figure, so the sum is not shown either (it need not be small). ? = unknown: a source does not list this category separately.</source>
        <translation>x = niet getoond, om kleine aantallen te beschermen: een vertrouwenspersoon heeft een deel van dit getal afgeschermd, dus de som wordt ook niet getoond (die hoeft niet klein te zijn). ? = onbekend: een van de bronnen vermeldt deze categorie niet apart.</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>geïmporteerd</translation>
    </message>
    <message>
        <source>Import statistics files</source>
        <translation>Cijferbestanden importeren</translation>
    </message>
    <message>
        <source>Statistics files (*.vstat);;All files (*)</source>
        <translation>Cijferbestanden (*.vstat);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>A file is signed by a key you do not trust yet:

{fp}

Call the adviser and compare this fingerprint. Only when it matches, give the adviser a name to trust the key.</source>
        <translation>Een bestand is ondertekend met een sleutel die u nog niet vertrouwt:

{fp}

Bel de vertrouwenspersoon en vergelijk deze vingerafdruk. Alleen als die overeenkomt, geeft u de vertrouwenspersoon een naam om de sleutel te vertrouwen.</translation>
    </message>
    <message>
        <source>Trust this adviser?</source>
        <translation>Deze vertrouwenspersoon vertrouwen?</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Export combined statistics</source>
        <translation>Samengevoegde cijfers exporteren</translation>
    </message>
    <message>
        <source>combined-figures.{ext}</source>
        <translation>samengevoegde-cijfers.{ext}</translation>
    </message>
    <message>
        <source>signed by an adviser key you do not trust yet. Call the adviser and compare the fingerprint before you trust it.</source>
        <translation>ondertekend met de sleutel van een vertrouwenspersoon die u nog niet vertrouwt. Bel de vertrouwenspersoon en vergelijk de vingerafdruk voordat u de sleutel vertrouwt.</translation>
    </message>
    <message>
        <source>this is not a statistics file from Vertrouwd, or it is damaged. Ask the adviser to export it again.</source>
        <translation>dit is geen cijferbestand uit Vertrouwd, of het is beschadigd. Vraag de vertrouwenspersoon het opnieuw te exporteren.</translation>
    </message>
    <message>
        <source>the file is empty. Ask the adviser to send it again.</source>
        <translation>het bestand is leeg. Vraag de vertrouwenspersoon het opnieuw te sturen.</translation>
    </message>
    <message>
        <source>the file is incomplete (cut off). Ask the adviser to send it again.</source>
        <translation>het bestand is onvolledig (afgebroken). Vraag de vertrouwenspersoon het opnieuw te sturen.</translation>
    </message>
    <message>
        <source>the file is far too large to be a statistics file.</source>
        <translation>het bestand is veel te groot voor een cijferbestand.</translation>
    </message>
    <message>
        <source>this is a folder, not a file. Choose the files inside it.</source>
        <translation>dit is een map, geen bestand. Kies de bestanden in die map.</translation>
    </message>
    <message>
        <source>the file no longer exists. Check where it was saved.</source>
        <translation>het bestand bestaat niet meer. Controleer waar het is opgeslagen.</translation>
    </message>
    <message>
        <source>the file cannot be read ({detail}). Check that you may open it.</source>
        <translation>het bestand kan niet worden gelezen ({detail}). Controleer of u het mag openen.</translation>
    </message>
    <message>
        <source>the file is encrypted for a supervisor key ({key}). Use the store that holds that key, or ask the adviser to export it for your key.</source>
        <translation>het bestand is versleuteld voor een coördinatorsleutel ({key}). Gebruik het archief met die sleutel, of vraag de vertrouwenspersoon het voor uw sleutel te exporteren.</translation>
    </message>
    <message>
        <source>the file is encrypted for another supervisor (key {key}). Ask the adviser to export it for your key.</source>
        <translation>het bestand is versleuteld voor een andere coördinator (sleutel {key}). Vraag de vertrouwenspersoon het voor uw sleutel te exporteren.</translation>
    </message>
    <message>
        <source>the encrypted file was changed or damaged. Ask the adviser to send it again.</source>
        <translation>het versleutelde bestand is gewijzigd of beschadigd. Vraag de vertrouwenspersoon het opnieuw te sturen.</translation>
    </message>
    <message>
        <source>this is an annual report, not a signed statistics file. Ask the adviser to export the statistics file (.vstat).</source>
        <translation>dit is een jaarverslag, geen ondertekend cijferbestand. Vraag de vertrouwenspersoon het cijferbestand (.vstat) te exporteren.</translation>
    </message>
    <message>
        <source>the file has no signature. Only use files that an adviser signed in Vertrouwd.</source>
        <translation>het bestand heeft geen handtekening. Gebruik alleen bestanden die een vertrouwenspersoon in Vertrouwd heeft ondertekend.</translation>
    </message>
    <message>
        <source>the file was changed after the adviser signed it. Do not use it; ask the adviser for a new export.</source>
        <translation>het bestand is gewijzigd nadat de vertrouwenspersoon het ondertekende. Gebruik het niet; vraag de vertrouwenspersoon om een nieuwe export.</translation>
    </message>
    <message>
        <source>the figures in the file do not pass the checks. Ask the adviser to export it again.</source>
        <translation>de cijfers in het bestand komen niet door de controles. Vraag de vertrouwenspersoon het opnieuw te exporteren.</translation>
    </message>
    <message>
        <source>{text}
Details: {detail}</source>
        <translation>{text}
Details: {detail}</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>al geïmporteerd</translation>
    </message>
    <message>
        <source>waiting: key not trusted</source>
        <translation>wacht: sleutel nog niet vertrouwd</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>{a} imported, {r} refused, {u} waiting for trust, {d} already there.</source>
        <translation>{a} geïmporteerd, {r} geweigerd, {u} wachtend op vertrouwen, {d} al aanwezig.</translation>
    </message>
    <message>
        <source>{status}: {reason}</source>
        <translation>{status}: {reason}</translation>
    </message>
    <message>
        <source>No files from trusted advisers yet. Choose “Import files…” to add the statistics files that advisers sent you.</source>
        <translation>Nog geen bestanden van vertrouwenspersonen die u vertrouwt. Kies ‘Bestanden importeren…’ om de cijferbestanden toe te voegen die vertrouwenspersonen u hebben gestuurd.</translation>
    </message>
    <message>
        <source>Cases: {c} · contacts: {n} · hours: {h} · sources: {s}</source>
        <translation>Casussen: {c} · contacten: {n} · uren: {h} · bronnen: {s}</translation>
    </message>
    <message>
        <source>requests (not cases): {r}</source>
        <translation>vragen (geen casussen): {r}</translation>
    </message>
    <message>
        <source>Import files from trusted advisers before exporting.</source>
        <translation>Importeer eerst bestanden van vertrouwenspersonen wier sleutel u vertrouwt.</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Exporteren mislukt: {reason}</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Opgeslagen: {path}</translation>
    </message>
</context>
<context>
    <name>TablesPanel</name>
    <message>
        <source>cases</source>
        <translation>casussen</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contacten</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>activiteiten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>uren</translation>
    </message>
    <message>
        <source>requests (not cases)</source>
        <translation>vragen (geen casussen)</translation>
    </message>
    <message>
        <source>Not shown: the number is small, so it could point at a person.</source>
        <translation>Niet getoond: het aantal is klein en zou naar een persoon kunnen wijzen.</translation>
    </message>
    <message>
        <source>Not shown: all cases of this row or column fall in this one cell, so it would tell something about every person in that group.</source>
        <translation>Niet getoond: alle casussen van deze rij of kolom vallen in deze ene cel, dus de cel zou iets zeggen over iedereen in die groep.</translation>
    </message>
    <message>
        <source>Not shown to protect another hidden cell: otherwise a hidden small number could be worked out from the totals or from other tables.</source>
        <translation>Niet getoond om een andere verborgen cel te beschermen: anders is een verborgen klein aantal terug te rekenen uit de totalen of uit andere tabellen.</translation>
    </message>
    <message>
        <source>Total not shown: otherwise a hidden small number could be worked out from it.</source>
        <translation>Totaal niet getoond: anders is een verborgen klein aantal eruit terug te rekenen.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Vertrouwd is locked</source>
        <translation>Vertrouwd is vergrendeld</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your records.</source>
        <translation>Voer uw wachtwoordzin in om uw gegevens te openen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Opening your vault…</source>
        <translation>Uw kluis wordt geopend…</translation>
    </message>
    <message>
        <source>Wait {n} s</source>
        <translation>Wacht {n} s</translation>
    </message>
</context>
<context>
    <name>VaultOpener</name>
    <message>
        <source>Something went wrong in the program ({error}). Nothing was changed; try again, and report this if it happens again.</source>
        <translation>Er ging iets mis in het programma ({error}). Er is niets veranderd; probeer het opnieuw en meld het als het nog eens gebeurt.</translation>
    </message>
    <message>
        <source>The vault could not be made in {folder} ({reason}). Choose another folder.</source>
        <translation>De kluis kon niet worden aangemaakt in {folder} ({reason}). Kies een andere map.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases in a row. Wait a moment and try again.</source>
        <translation>Te vaak achter elkaar een verkeerde wachtwoordzin. Wacht even en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Verkeerde wachtwoordzin. Controleer Caps Lock en de toetsenbordindeling en probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Vertrouwd</source>
        <translation>Welkom bij Vertrouwd</translation>
    </message>
    <message>
        <source>Vertrouwd keeps your cases and conversations in an encrypted file on this computer. Choose a passphrase to protect it. A sentence of several words is strong and easy to remember.</source>
        <translation>Vertrouwd bewaart uw casussen en gesprekken in een versleuteld bestand op deze computer. Kies een wachtwoordzin om het te beschermen. Een zin van een paar woorden is sterk en goed te onthouden.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Wachtwoordzin herhalen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Important:&lt;/b&gt; nobody can recover a lost passphrase, not even the makers of this program. Without it your records are lost. Write it down somewhere safe, and make a backup regularly (File → Make backup).</source>
        <translation>&lt;b&gt;Belangrijk:&lt;/b&gt; niemand kan een vergeten wachtwoordzin terughalen, ook de makers van dit programma niet. Zonder wachtwoordzin bent u uw gegevens kwijt. Schrijf hem op, bewaar hem op een veilige plek en maak regelmatig een back-up (Bestand → Back-up maken).</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Kluis aanmaken</translation>
    </message>
    <message>
        <source>Your vault will be stored in this folder:</source>
        <translation>Uw kluis wordt bewaard in deze map:</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Andere map kiezen…</translation>
    </message>
    <message>
        <source>Choose another folder for the vault</source>
        <translation>Een andere map voor de kluis kiezen</translation>
    </message>
    <message>
        <source>Vault folder: {folder}</source>
        <translation>Map van de kluis: {folder}</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be found. If your vault is on a drive, connect it and start the program again; or choose another folder.</source>
        <translation>De map {folder} is niet te vinden. Staat uw kluis op een externe schijf, sluit die dan aan en start het programma opnieuw; of kies een andere map.</translation>
    </message>
    <message>
        <source>Folder for your vault</source>
        <translation>Map voor uw kluis</translation>
    </message>
    <message>
        <source>You cannot save files in {folder}. Choose another folder.</source>
        <translation>U kunt geen bestanden opslaan in {folder}. Kies een andere map.</translation>
    </message>
    <message>
        <source>Creating your vault. Protecting it with your passphrase takes a few seconds…</source>
        <translation>Uw kluis wordt aangemaakt. Het beveiligen met uw wachtwoordzin duurt een paar seconden…</translation>
    </message>
    <message>
        <source>very weak</source>
        <translation>zeer zwak</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>zwak</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>redelijk</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>sterk</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>zeer sterk</translation>
    </message>
    <message>
        <source>Strength: {level}</source>
        <translation>Sterkte: {level}</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>De wachtwoordzin is te kort: gebruik minstens 8 tekens.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>De twee wachtwoordzinnen verschillen. Typ ze opnieuw.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Add a few words.</source>
        <translation>Deze wachtwoordzin is te makkelijk te raden. Voeg een paar woorden toe.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Pages</source>
        <translation>Pagina&apos;s</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casussen</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisaties</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>Jaarverslag</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>The annual report is not available in this version.</source>
        <translation>Het jaarverslag is in deze versie niet beschikbaar.</translation>
    </message>
    <message>
        <source>Remove case details</source>
        <translation>Casusdetails verwijderen</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Casus sluiten</translation>
    </message>
    <message>
        <source>Reopen case</source>
        <translation>Casus heropenen</translation>
    </message>
    <message>
        <source>Reopen case {code}? It counts as open again and its retention period starts anew when it is closed again.</source>
        <translation>Casus {code} heropenen? Hij telt weer als open, en de bewaartermijn begint opnieuw wanneer hij weer wordt afgesloten.</translation>
    </message>
    <message>
        <source>Remove case</source>
        <translation>Casus verwijderen</translation>
    </message>
    <message>
        <source>Remove case {code} entirely, with all its conversations and notes? This cannot be undone. Use this when the person withdraws consent.</source>
        <translation>Casus {code} volledig verwijderen, met alle gesprekken en aantekeningen? Dit kan niet ongedaan worden gemaakt. Gebruik dit wanneer de melder de toestemming intrekt.</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Termijnen</translation>
    </message>
    <message>
        <source>Does the person take this route now? Then reminders are set for its terms.</source>
        <translation>Kiest de melder nu voor deze route? Dan worden herinneringen voor de termijnen ingesteld.</translation>
    </message>
    <message>
        <source>Save handout</source>
        <translation>Informatieblad opslaan</translation>
    </message>
    <message>
        <source>handout.pdf</source>
        <translation>informatieblad.pdf</translation>
    </message>
    <message>
        <source>the report text ({reason})</source>
        <translation>de tekst van het jaarverslag ({reason})</translation>
    </message>
    <message>
        <source>an unsaved conversation note ({reason})</source>
        <translation>een niet-opgeslagen gespreksnotitie ({reason})</translation>
    </message>
</context>
<context>
    <name>_ItemRow</name>
    <message>
        <source>Guidance</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(kies)</translation>
    </message>
    <message>
        <source>Date set</source>
        <translation>Datum ingevuld</translation>
    </message>
    <message>
        <source>A few words; never a name</source>
        <translation>Een paar woorden; nooit een naam</translation>
    </message>
</context>
</TS>
