"""What each tracker layout fixture (tests/fixtures/trackers/) must become when imported.

Each fixture was written by hand, in our own words and invented companies, after the layout
a tracker documents or its export code writes: header names, date and time formats,
encodings, byte-order marks, quoting, yes/no columns and placeholders (`-`, `N/A`). Each has
a row a person would call invalid (no company and no role): it is refused with its line.

The rules the expectations follow, so a new fixture can be added the same way:
- `applied` is the day the file says the application went in, as the file means it (a
  two-digit year, a time, a month name or a day-first/month-first column all read).
- A saved role (Huntr's Wishlist, Teal's Bookmarked, JobSync's Draft, career-ops'
  Evaluated, ghosted's saved) has stage "saved" and no applied day: the only date such a row
  has is when it was saved, and that is its age, not an application.
- `created` is the day the file says the row was first added (a created/saved column); when
  the file has none, the applied day; when it has neither, the import day.
- `since` is the day the current stage was reached, when the file says it (Huntr's
  lastMovedAt); `history` is every stage change, when the file keeps a history column.
- `notes` are texts that must be in the notes: the notes column and the columns we have no
  field for. Placeholders (`-`, `N/A`) are empty cells: never a value, never a notes line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "trackers"


@dataclass(frozen=True)
class Row:
    company: str
    role: str
    stage: str
    """A stage value as the TOML file holds it (compared as text, so "saved" can be
    expected before the stage exists)."""
    applied: str | None = None
    link: str = ""
    location: str = ""
    notes: tuple[str, ...] = ()
    created: str | None = None
    since: str | None = None
    history: tuple[tuple[str, str], ...] = ()
    """(day, stage value) of every stage change, oldest first; empty: not checked."""
    recruiter: tuple[str, str] | None = None
    """(name, email); None: the row has no recruiter."""


@dataclass(frozen=True)
class Layout:
    file: str
    rows: tuple[Row, ...]
    refused: tuple[int, ...]
    """Lines refused (no company and no role)."""
    columns: tuple[tuple[str, str], ...]
    """(file column, field) the dry run must print for the columns that hold a field."""
    left_out: tuple[int, ...] = ()
    """Lines whose stage says not to import them (career-ops' SKIP)."""
    placeholders: tuple[str, ...] = field(default=())

    @property
    def path(self) -> Path:
        return FIXTURES / self.file

    def __str__(self) -> str:
        return self.file


# fmt: off
HUNTR = Layout(
    "huntr.csv",
    rows=(
        Row("Lanternfish Analytics", "Data Engineer", "applied",
            link="https://jobs.lanternfish.example/de-114", location="Bristol, UK",
            notes=("£55k", "Found via a friend"), created="2026-09-02", since="2026-09-04"),
        Row("Corvid Labs", "Platform Engineer", "saved",
            link="https://corvid.example/careers/42", created="2026-10-28"),
        Row("Pebblestone Bank", "Backend Developer", "interviewing",
            link="https://careers.pebblestone.example/7781", location="Remote",
            notes=('Two rounds so far, "system design" next',), created="2026-09-10",
            since="2026-10-21"),
        Row("Quillfeather Press", "Site Reliability Engineer", "offer",
            link="https://quillfeather.example/jobs/sre", location="Edinburgh",
            notes=("£68k", "Offer letter due Friday"), created="2026-08-20", since="2026-11-12"),
        Row("Moorhen Robotics", "Embedded Engineer", "rejected", location="Leeds",
            created="2026-08-25", since="2026-09-30"),
        Row("Tidewater Energy", "Software Engineer", "saved",
            link="https://tidewater.example/vacancies/se", location="Aberdeen, UK",
            notes=("Apply before the 30th",), created="2026-11-15"),
        Row("Ferngully Games", "Tools Programmer", "applied",
            link="https://ferngully.example/jobs/tools", location="Remote", notes=("£50k",),
            created="2026-10-05", since="2026-10-07"),
    ),
    refused=(5,),
    columns=(("companyName", "company"), ("jobTitle", "role"), ("listName", "stage"),
             ("url", "job_link"), ("location", "location")),
    placeholders=("-",),
)

JOBSYNC = Layout(
    "jobsync.csv",
    rows=(
        Row("Brightwater Health", "Full Stack Developer", "applied", applied="2026-09-02",
            location="Manchester, UK", notes=("Full Time",), created="2026-09-01"),
        Row("Cobalt Ferry", "QA Engineer", "saved", notes=("Contract",), created="2026-09-05"),
        Row("Orchard Systems", "DevOps Engineer", "interviewing", applied="2026-08-15",
            location="Remote", created="2026-08-14"),
        Row("Saltmarsh Insurance", "Java Developer", "rejected", applied="2026-08-03",
            location="Norwich", notes=("Part Time",), created="2026-08-02"),
        Row("Kestrel Aviation", "Software Engineer", "offer", applied="2026-07-31",
            location="Bristol", created="2026-07-30"),
        Row("Umberfield Council", "Web Developer", "withdrawn", applied="2026-08-11",
            created="2026-08-10"),
    ),
    refused=(6,),
    columns=(("Company", "company"), ("JobTitle", "role"), ("Status", "stage"),
             ("appliedDate", "applied_on"), ("Location", "location")),
    placeholders=("N/A",),
)

LINKEDIN = Layout(
    "linkedin_job_applications.csv",
    rows=(
        Row("Hollowbrook Media", "Video Producer", "applied", applied="2026-09-14",
            link="https://www.linkedin.com/jobs/view/4011111111",
            notes=("Hollowbrook_Producer_CV.pdf", "Years of experience with Premiere Pro: 5",
                   "require sponsorship?: No")),
        Row("Gannet Logistics", "Operations Analyst", "applied", applied="2026-10-02",
            link="https://www.linkedin.com/jobs/view/4022222222", notes=("Analyst_CV_v3.pdf",)),
        Row("Marigold Pay", "Product Manager", "applied", applied="2026-10-13",
            link="https://www.linkedin.com/jobs/view/4033333333",
            notes=("PM_CV.pdf", "How did you hear about us?: A colleague")),
        Row("Wrenfield Architects", "BIM Coordinator", "applied", applied="2026-08-30",
            link="https://www.linkedin.com/jobs/view/4044444444", notes=("General_CV.pdf",)),
        Row("Halcyon Optics", "Firmware Engineer", "applied", applied="2026-11-09",
            link="https://www.linkedin.com/jobs/view/4066666666",
            notes=("Firmware_CV.pdf", "Notice period?: 4 weeks")),
    ),
    # Line 2's answers run over two lines, so the row without a company is on line 7.
    refused=(7,),
    columns=(("Company Name", "company"), ("Job Title", "role"),
             ("Application Date", "applied_on"), ("Job Url", "job_link")),
)
"""LinkedIn's Contact Email and phone are the applicant's own (the same on every row): no
recruiter comes from them."""

NOTION = Layout(
    "notion_export.csv",
    rows=(
        Row("Larkspur Studios", "UX Designer", "applied", applied="2026-09-04",
            link="https://larkspur.example/jobs/ux", location="Glasgow, UK",
            notes=("Design, Hybrid", "Portfolio sent with the form"), created="2026-09-01"),
        Row("Oakhaven Labs", "Research Engineer", "interviewing", applied="2026-09-18",
            link="https://oakhaven.example/r/88", location="Cambridge",
            notes=("Second round on site",), created="2026-09-15"),
        Row("Pinecrest Mobile", "iOS Developer", "saved",
            link="https://pinecrest.example/careers/ios", location="Remote",
            notes=("Mobile, Remote",), created="2026-10-30"),
        Row("Bramblewood Foods", "Data Analyst", "rejected", applied="2026-08-27",
            location="York", notes=("Standard rejection email",), created="2026-08-27"),
        Row("Silverbirch Capital", "Quant Developer", "no_reply", applied="2026-08-12",
            link="https://silverbirch.example/q/3", location="London", created="2026-08-10"),
        Row("Thistledown Health", "Backend Engineer", "offer", applied="2026-10-09",
            link="https://thistledown.example/jobs/be", location="Remote",
            notes=("Offer call on the 14th",), created="2026-10-08"),
    ),
    refused=(6,),
    columns=(("Company", "company"), ("Position", "role"), ("Status", "stage"),
             ("Date Applied", "applied_on"), ("URL", "job_link"), ("Location", "location")),
)

TEAL = Layout(
    "teal_job_tracker.csv",
    rows=(
        Row("Glasswing AI", "Machine Learning Engineer", "applied", applied="2026-09-15",
            link="https://glasswing.example/ml", location="London, UK",
            notes=("70000", "85000", "Referred by Sam"), created="2026-09-01"),
        Row("Driftwood Travel", "Frontend Developer", "saved",
            link="https://driftwood.example/jobs/fe", location="Remote", created="2026-10-20"),
        Row("Harrowgate Cloud", "Solutions Architect", "interviewing", applied="2026-08-07",
            link="https://harrowgate.example/sa", location="Manchester",
            notes=("Panel interview booked",), created="2026-08-05"),
        Row("Inkwell Docs", "Technical Writer", "saved", link="https://inkwell.example/tw",
            location="Remote", created="2026-11-02"),
        Row("Juniper Freight", "Engineering Manager", "rejected", applied="2026-07-20",
            link="https://juniper.example/em", location="Bristol",
            notes=("Feedback: wanted more people-management years",), created="2026-07-14"),
        Row("Kingfisher Retail", "Data Scientist", "no_reply", applied="2026-08-19",
            link="https://kingfisher.example/ds", location="Leeds", created="2026-08-18"),
        Row("Lighthouse Secure", "Security Engineer", "withdrawn", applied="2026-09-04",
            link="https://lighthouse.example/sec", location="Remote",
            notes=("Took the other offer",), created="2026-09-03"),
    ),
    refused=(6,),
    columns=(("Job Position", "role"), ("Company", "company"), ("Status", "stage"),
             ("Date Applied", "applied_on"), ("Job URL", "job_link")),
)

EXCEL_FR = Layout(
    "excel_fr_semicolon.csv",
    rows=(
        Row("Brisemarine SA", "Développeuse Python", "applied", applied="2026-09-25",
            link="https://brisemarine.example/offres/12", location="Lyon",
            notes=("48\u00a0000 €", "Relancer début octobre")),
        Row("Coquelicot Conseil", "Consultant data", "interviewing", applied="2026-09-03",
            link="https://coquelicot.example/jobs/data", location="Paris",
            notes=("Deuxième entretien; cas pratique",)),
        Row("Dunes Énergie", "Ingénieur DevOps", "rejected", applied="2026-09-30",
            location="Nantes", notes=("52\u00a0000 €",)),
        Row("Écluse Logistique", "Chef de projet IT", "offer", applied="2026-10-04",
            link="https://ecluse.example/cp", location="Lille",
            notes=("Réponse attendue sous 8 jours",)),
        Row("Fougère Santé", "Développeur mobile", "no_reply", applied="2026-09-02",
            link="https://fougere.example/mobile", location="Bordeaux"),
        Row("Genêt Banque", "Analyste sécurité", "saved", link="https://genet.example/secu",
            location="Marseille", notes=("Date limite le 15/12",)),
    ),
    refused=(6,),
    columns=(("Entreprise", "company"), ("Poste", "role"), ("Statut", "stage"),
             ("Date de candidature", "applied_on"), ("Lieu", "location"), ("Lien", "job_link")),
)

GERMAN_EXCEL = Layout(
    "german_excel.csv",
    rows=(
        Row("Müller & Söhne GmbH", "Softwareentwickler Java", "applied", applied="2026-09-02",
            link="https://mueller-soehne.example/karriere/123", location="Köln",
            notes=("62.000 €", "Über das Jobportal"), recruiter=("Frau Weiß", "")),
        Row("Grünwald Logistik AG", "IT-Administrator", "interviewing", applied="2026-09-15",
            location="München", notes=("Zweites Gespräch am 30.09.",),
            recruiter=("Herr Öztürk", "")),
        Row("Straßburger Versicherung", "Datenanalyst", "rejected", applied="2026-08-28",
            link="https://strassburger.example/jobs/da", location="Düsseldorf",
            notes=("55.000 €",)),
        Row("Bäckerei Sonnenschein", "Webentwickler (m/w/d)", "saved",
            link="https://sonnenschein.example/web", location="Hamburg",
            notes=("Bewerbung bis Ende November",)),
        Row("Fähre Nord GmbH", "DevOps Engineer", "accepted", applied="2026-10-05",
            link="https://faehre-nord.example/devops", location="Kiel",
            notes=("68.000 €", "Vertrag unterschrieben"), recruiter=("Frau Ahlström", "")),
        Row("Löwenzahn Medien", "Frontend-Entwickler", "no_reply", applied="2026-09-21",
            location="Berlin"),
    ),
    refused=(6,),
    columns=(("Firma", "company"), ("Stelle", "role"), ("Beworben am", "applied_on"),
             ("Status", "stage"), ("Ort", "location"), ("Ansprechpartner", "recruiter")),
)

CAREER_OPS = Layout(
    "career_ops_applications.md",
    rows=(
        Row("Amberline Studio", "Senior Backend Engineer", "applied", applied="2026-09-03",
            notes=("4.2/5", "Remote EU. Strong Go match.")),
        Row("Bluebell Telecom", "Staff Engineer", "interviewing", applied="2026-09-05",
            notes=("Hybrid, Bristol.",)),
        Row("Cinderford Labs", "ML Platform Lead", "saved", notes=("Stack gap (Rust).",),
            created="2026-09-08"),
        Row("Elderflower AI", "Applied Scientist", "screening", applied="2026-09-12",
            notes=("Recruiter replied on the 20th.",)),
        Row("Foxglove Finance", "Backend Engineer", "rejected", applied="2026-09-18",
            notes=("Closed after the take-home.",)),
        Row("Gorse Mobility", "Platform Engineer", "withdrawn", applied="2026-09-21",
            notes=("Role filled internally.",)),
        Row("Hazel Robotics", "Robotics Software Engineer", "offer", applied="2026-09-24",
            notes=("Offer call booked.",)),
    ),
    refused=(12,),
    left_out=(10,),
    columns=(("Date", "applied_on"), ("Company", "company"), ("Role", "role"),
             ("Status", "stage"), ("Notes", "notes")),
    placeholders=("N/A",),
)

REACTIVE_RESUME = Layout(
    "reactive_resume_applications.csv",
    rows=(
        Row("Aspenridge Software", "Full Stack Engineer", "screening", applied="2026-09-03",
            link="https://aspenridge.example/jobs/fs", location="Dublin, Ireland",
            notes=("€75k", "Recruiter call went well"), created="2026-08-28",
            history=(("2026-08-28", "saved"), ("2026-09-03", "applied"),
                     ("2026-09-10", "screening"))),
        Row("Birchgrove Studio", "Motion Designer", "saved",
            link="https://birchgrove.example/md", location="Remote", created="2026-11-01",
            history=(("2026-11-01", "saved"),)),
        Row("Copperleaf Health", "Backend Engineer", "interviewing", applied="2026-09-15",
            link="https://copperleaf.example/be", location="Cork",
            notes=("€80k", "Referred by Niamh"), created="2026-09-14",
            history=(("2026-09-14", "saved"), ("2026-09-15", "applied"),
                     ("2026-09-22", "screening"), ("2026-10-01", "interviewing"))),
        Row("Driftless Media", "Video Editor", "rejected", applied="2026-08-20",
            location="Galway", created="2026-08-20",
            history=(("2026-08-20", "applied"), ("2026-09-05", "rejected"))),
        Row("Emberstone Games", "Gameplay Programmer", "no_reply", applied="2026-09-01",
            link="https://emberstone.example/gp", location="Remote", created="2026-08-30",
            history=(("2026-08-30", "saved"), ("2026-09-01", "applied"),
                     ("2026-10-15", "no_reply"))),
        Row("Fernhill Bank", "Data Engineer", "offer", applied="2026-09-20",
            link="https://fernhill.example/de", location="Dublin",
            notes=("€90k", "Offer expires on the 25th"), created="2026-09-19",
            history=(("2026-09-19", "saved"), ("2026-09-20", "applied"),
                     ("2026-10-05", "interviewing"), ("2026-11-10", "offer"))),
    ),
    refused=(6,),
    columns=(("Company", "company"), ("Role", "role"), ("Stage", "stage"),
             ("Job URL", "job_link"), ("Applied At", "applied_on")),
)

GHOSTED = Layout(
    "ghosted_applications.json",
    rows=(
        Row("Nightjar Security", "Security Engineer", "applied", applied="2026-09-08",
            link="https://nightjar.example/careers/sec-eng", location="Austin, TX",
            notes=("Applied through their careers page", "90000", "120000"),
            recruiter=("Dana Whitlock", "dana.whitlock@nightjar.example")),
        Row("Osprey Cloud", "Site Reliability Engineer", "interviewing", applied="2026-09-21",
            link="https://osprey.example/jobs/sre-2", location="Denver, CO",
            notes=("sre-2026-09.pdf", "video"), created="2026-09-20",
            recruiter=("Marcus Lee", "")),
        Row("Pelican Payments", "Backend Engineer", "saved",
            link="https://pelican.example/careers/be", notes=("110000",), created="2026-11-02"),
        Row("Quetzal Learning", "Frontend Engineer", "rejected", applied="2026-08-17",
            location="Portland, OR", notes=("Rejected after the take-home",),
            recruiter=("Priya Raman", "priya@quetzal.example")),
        Row("Roadrunner Freight", "Data Engineer", "offer", applied="2026-09-29",
            link="https://roadrunner.example/de", location="Atlanta, GA",
            notes=("130000", "145000")),
        Row("Sandpiper Studios", "Technical Artist", "withdrawn", applied="2026-08-30",
            location="Los Angeles, CA", notes=("Withdrew: relocation needed",)),
    ),
    # The line each object starts on (its "{").
    refused=(51,),
    columns=(("company", "company"), ("position", "role"), ("status", "stage"),
             ("date_applied", "applied_on"), ("job_url", "job_link"),
             ("location", "location")),
)

LAYOUTS: tuple[Layout, ...] = (
    HUNTR, JOBSYNC, LINKEDIN, NOTION, TEAL, EXCEL_FR, GERMAN_EXCEL, CAREER_OPS,
    REACTIVE_RESUME, GHOSTED,
)
# fmt: on
