/**
 * Demo texts for Impressum and Datenschutz in the structure German law expects. Plain text:
 * a blank line separates paragraphs; a paragraph's first line reads as its heading. Addresses,
 * register number and names are placeholders the office must replace before going live.
 */
const imprintDe = `Demo-Text – vor dem Produktivbetrieb ersetzen. Dieses Impressum gehört zu einer Demo-Installation von Knotenpunkt. Anschrift, Registernummer und Namen sind Platzhalter.

Angaben gemäß § 5 DDG
AutOS e.V. – Automotive-Netzwerk Region Osnabrück
Geschäftsstelle
Beispielstraße 1 (fiktiv)
49074 Osnabrück

Vertreten durch
den Vorstand: Bernd Overkamp (Vorsitzender, fiktiver Name)

Kontakt
E-Mail: office@demo.example
Telefon: vor dem Produktivbetrieb ergänzen

Registereintrag
Eintragung im Vereinsregister
Registergericht: Amtsgericht Osnabrück
Registernummer: VR 000000 (fiktiv)

Verantwortlich i.S.d. § 18 Abs. 2 MStV
Katharina Lindemann (fiktiver Name), Anschrift wie oben

Hinweis zu den Inhalten
Die Mitgliedsorganisationen, Personen und Kontaktdaten in dieser Demo sind frei erfunden. Ähnlichkeiten mit realen Unternehmen oder Personen sind nicht beabsichtigt.`;

const imprintEn = `Demo text – replace before going live. This legal notice belongs to a demo installation of Knotenpunkt. Address, register number and names are placeholders.

Information pursuant to § 5 DDG (German Digital Services Act)
AutOS e.V. – Automotive-Netzwerk Region Osnabrück
Office (Geschäftsstelle)
Beispielstraße 1 (fictional)
49074 Osnabrück, Germany

Represented by
the board: Bernd Overkamp (chair, fictional name)

Contact
Email: office@demo.example
Phone: to be added before going live

Register entry
Entered in the register of associations
Register court: Amtsgericht Osnabrück
Register number: VR 000000 (fictional)

Responsible for content pursuant to § 18 (2) MStV (German Interstate Media Treaty)
Katharina Lindemann (fictional name), address as above

About the content
The member organisations, people and contact details in this demo are invented. Any resemblance to real companies or persons is unintended.`;

const privacyDe = `Demo-Text – vor dem Produktivbetrieb ersetzen. Diese Datenschutzerklärung beschreibt eine Demo-Installation von Knotenpunkt; sie ist vor dem Produktivbetrieb rechtlich zu prüfen und anzupassen. Angaben in Klammern sind Beispielwerte.

1. Verantwortlicher
AutOS e.V. – Automotive-Netzwerk Region Osnabrück, Beispielstraße 1 (fiktiv), 49074 Osnabrück
E-Mail: office@demo.example

2. Welche Daten das Portal verarbeitet
Kontodaten: Name, E-Mail-Adresse, bevorzugte Sprache und Ihr Passwort, das nur als sicherer Hash gespeichert wird; auf Wunsch Einstellungen zur Zwei-Faktor-Anmeldung.
Profil- und Rollendaten: Ihre Organisation, Ihre Funktion und Ihre Rollen im Netzwerk, zum Beispiel in Expertenkreisen.
Sitzungsdaten: Zu jeder Anmeldung speichern wir Zeitpunkt, IP-Adresse und Browserkennung, damit Sie Ihre aktiven Sitzungen sehen und beenden können.
Protokolle: Anmeldungen (erfolgreich und fehlgeschlagen), Rollenänderungen, Einladungen und Aktionen der Geschäftsstelle werden mit Zeitpunkt, IP-Adresse und Browserkennung protokolliert. Der Server schreibt technische Zugriffsprotokolle (Zeitpunkt, aufgerufene Adresse, Statuscode, Anfragekennung). Passwörter werden nie protokolliert.
E-Mails: Für Bestätigungs-, Einladungs- und Passwort-Mails speichern wir Empfänger, Betreff, Inhalt und Zustellstatus.

3. Cookies
Das Portal setzt nur technisch notwendige Cookies: ein Sitzungs-Cookie nach der Anmeldung und ein Cookie für die gewählte Sprache. Es gibt keine Analyse-, Tracking- oder Werbe-Cookies und keine eingebundenen Dienste Dritter. Eine Einwilligung ist dafür nicht erforderlich (§ 25 Abs. 2 Nr. 2 TDDDG).

4. Rechtsgrundlagen
Art. 6 Abs. 1 lit. b DSGVO für Konto, Mitgliedschaft und die Nutzung des Portals; Art. 6 Abs. 1 lit. f DSGVO für den sicheren Betrieb (Protokolle, Begrenzung von Anmeldeversuchen, Schutz vor Missbrauch); Art. 6 Abs. 1 lit. c DSGVO, soweit gesetzliche Pflichten bestehen; Art. 6 Abs. 1 lit. a DSGVO, wenn Sie in etwas einwilligen, etwa in einen Newsletter.

5. Speicherdauer
Kontodaten speichern wir, bis Ihr Konto gelöscht wird. Sitzungen enden mit der Abmeldung, spätestens nach (14) Tagen. Server-Protokolle werden nach (14) Tagen gelöscht, Einträge im Sicherheitsprotokoll nach (12) Monaten, soweit keine gesetzliche Aufbewahrungspflicht entgegensteht.

6. Empfänger
Das Portal wird bei (Hosting-Dienstleister, Sitz in Deutschland) im Auftrag betrieben (Art. 28 DSGVO). Eine Übermittlung in Drittländer findet nicht statt. Fördernde Partner erhalten nur zusammengefasste Auswertungen ohne Personenbezug.

7. Ihre Rechte
Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). Eine Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3 DSGVO).

8. Beschwerderecht
Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren. Zuständig ist: Der Landesbeauftragte für den Datenschutz Niedersachsen, Prinzenstraße 5, 30159 Hannover.`;

const privacyEn = `Demo text – replace before going live. This privacy notice describes a demo installation of Knotenpunkt; it must be reviewed and adapted before going live. Values in brackets are examples.

1. Controller
AutOS e.V. – Automotive-Netzwerk Region Osnabrück, Beispielstraße 1 (fictional), 49074 Osnabrück, Germany
Email: office@demo.example

2. What data the portal processes
Account data: name, email address, preferred language and your password, stored only as a secure hash; if you choose, two-factor sign-in settings.
Profile and role data: your organisation, your position and your roles in the network, for example in expert circles.
Session data: for each sign-in we store time, IP address and browser identifier so that you can see and end your active sessions.
Logs: sign-ins (successful and failed), role changes, invitations and actions of the office are logged with time, IP address and browser identifier. The server writes technical access logs (time, requested address, status code, request id). Passwords are never logged.
Emails: for confirmation, invitation and password emails we store recipient, subject, content and delivery status.

3. Cookies
The portal sets only technically necessary cookies: a session cookie after sign-in and a cookie for the chosen language. There are no analytics, tracking or advertising cookies and no embedded third-party services. No consent is required for them (§ 25 (2) no. 2 TDDDG).

4. Legal bases
Art. 6 (1) (b) GDPR for your account, membership and use of the portal; Art. 6 (1) (f) GDPR for secure operation (logs, limiting sign-in attempts, preventing abuse); Art. 6 (1) (c) GDPR where legal obligations apply; Art. 6 (1) (a) GDPR where you consent to something, such as a newsletter.

5. Retention
We keep account data until your account is deleted. Sessions end when you sign out, at the latest after (14) days. Server logs are deleted after (14) days, security log entries after (12) months, unless a legal retention duty applies.

6. Recipients
The portal is operated on our behalf by (hosting provider, based in Germany) (Art. 28 GDPR). No data is transferred to third countries. Supporting partners receive only aggregated evaluations without personal data.

7. Your rights
You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and objection (Art. 21). You can withdraw consent at any time with effect for the future (Art. 7 (3) GDPR).

8. Right to lodge a complaint
You may complain to a data-protection supervisory authority. The competent authority is: Der Landesbeauftragte für den Datenschutz Niedersachsen (data-protection commissioner of Lower Saxony), Prinzenstraße 5, 30159 Hannover, Germany.`;

export const demoLegalPages = [
	{ kind: 'imprint' as const, bodyDe: imprintDe, bodyEn: imprintEn },
	{ kind: 'privacy' as const, bodyDe: privacyDe, bodyEn: privacyEn }
];
