//! The widget's own words in every shipped language, from one message table: each key has
//! its English, Spanish, German, French, Brazilian Portuguese and Arabic text side by side. An empty entry falls back to
//! English at run time, and a test fails on any empty entry or on a translation whose
//! placeholders (`{0}`, `{1}`) differ from the English. Feed text (names, bodies, the page's
//! own status description) is never translated.

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (also for every language not shipped).
    #[default]
    En,
    /// Spanish.
    Es,
    /// German.
    De,
    /// French.
    Fr,
    /// Portuguese, as written in Brazil.
    Pt,
    /// Arabic (written right to left).
    Ar,
}

impl Lang {
    /// Every shipped language.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Es, Lang::De, Lang::Fr, Lang::Pt, Lang::Ar];

    /// The language of a BCP 47 tag ("es-MX" → Spanish); English when not shipped, or (in
    /// the bundle) when its texts are not loaded: the words and the `lang` they claim agree.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::shipped(tag).filter(|l| loaded::has(*l)).unwrap_or_default()
    }

    /// The shipped language of a BCP 47 tag, whether or not its texts are loaded.
    pub fn shipped(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.primary()))
    }

    /// The language's texts as one module of the bundle loads them: the crate's version on
    /// the first line, then each key's text on a line of its own (messages hold no line
    /// break). `None` for English, which the wasm holds.
    pub fn module_text(self) -> Option<String> {
        (self != Lang::En).then(|| {
            let texts: Vec<&str> = Key::ALL.iter().map(|key| Key::text(self as usize, *key)).collect();
            format!("{}\n{}", env!("CARGO_PKG_VERSION"), texts.join("\n"))
        })
    }

    /// The `lang` attribute for words in this language formatted for `locale`: the locale
    /// itself when it is this language (`en-GB`, keeping its region), else the language's
    /// own tag (a widget asked for `ja-JP` shows English words, and says so).
    pub fn lang_attribute(self, locale: Option<&str>) -> String {
        match locale {
            Some(tag) if tag.split('-').next().is_some_and(|p| p.eq_ignore_ascii_case(self.primary())) => {
                tag.to_owned()
            }
            _ => self.tag().to_owned(),
        }
    }

    /// The language's own tag, for `Intl` and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Pt => "pt-BR",
            other => other.primary(),
        }
    }

    /// The language subtag alone (also in the name of its module: `status-widget-lang-es.js`).
    pub fn primary(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Pt => "pt",
            Lang::Ar => "ar",
        }
    }

    /// The direction its words are written in: `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The text of `key` in this language (English when the entry is empty).
    pub fn t(self, key: Key) -> &'static str {
        match Key::text(self as usize, key) {
            "" => Key::text(0, key),
            text => text,
        }
    }

    /// The text of `key` with `{0}`, `{1}`, … replaced by `args`, in one pass, so an
    /// argument that itself contains `{1}` (a feed's name can) is left as written.
    pub fn fill(self, key: Key, args: &[&str]) -> String {
        fill(self.t(key), args)
    }

    /// "Datto status" in the language of the BCP 47 tag `tag` (English when not shipped),
    /// whether or not that language's module has loaded (`statusTitle` answers at once).
    pub fn status_title(tag: &str, name: &str) -> String {
        let lang = Lang::shipped(tag).unwrap_or_default();
        fill(every::StatusOf.get(lang as usize).copied().unwrap_or_default(), &[name])
    }

    /// The text of `key` cut at its placeholders: the widget's words, and where argument
    /// `i` goes (for views that wrap each argument in an element).
    pub fn pieces(self, key: Key) -> Vec<Piece> {
        pieces(self.t(key))
    }
}

/// `text` with `{0}`, `{1}`, … replaced by `args`, in one pass, so an argument that itself
/// contains `{1}` (a feed's name can) is left as written.
fn fill(text: &'static str, args: &[&str]) -> String {
    let mut out = String::new();
    for piece in pieces(text) {
        out.push_str(match piece {
            Piece::Words(words) => words,
            Piece::Arg(i) => args.get(i).copied().unwrap_or_default(),
        });
    }
    out
}

/// `text` cut at its placeholders.
fn pieces(text: &'static str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        let index = from_brace.get(1..2).and_then(|d| d.parse::<usize>().ok());
        match (index, from_brace.get(2..3)) {
            (Some(i), Some("}")) => {
                pieces.push(Piece::Words(before));
                pieces.push(Piece::Arg(i));
                rest = from_brace.get(3..).unwrap_or_default();
            }
            _ => {
                pieces.push(Piece::Words(rest.get(..open + 1).unwrap_or_default()));
                rest = from_brace.get(1..).unwrap_or_default();
            }
        }
    }
    pieces.push(Piece::Words(rest));
    pieces.retain(|p| *p != Piece::Words(""));
    pieces
}

/// A part of a message: the widget's own words, or the place of argument `i`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Words of the message table.
    Words(&'static str),
    /// Where argument `i` goes.
    Arg(usize),
}

/// Which languages' texts the widget has. Natively and in a yew app: every one, compiled in.
/// In the bundle (the `element` feature): English, and each other language once its module
/// has been handed over ([`loaded::add`]); `src/embed/status-widget.js` loads the one a
/// widget speaks before the widget first renders, so an English reader never downloads the
/// other five (5.3 KB brotli).
pub(crate) mod loaded {
    use super::Lang;

    #[cfg(not(all(feature = "element", target_arch = "wasm32")))]
    pub(super) fn table(lang: usize) -> &'static str {
        super::TABLES.get(lang).copied().unwrap_or_default()
    }

    #[cfg(all(feature = "element", target_arch = "wasm32"))]
    thread_local! {
        static TABLES: [std::cell::Cell<&'static str>; 6] = const { [const { std::cell::Cell::new("") }; 6] };
        /// The languages asked for (loaded or failed), one bit each; English always.
        static ASKED: std::cell::Cell<u8> = const { std::cell::Cell::new(1) };
    }

    #[cfg(all(feature = "element", target_arch = "wasm32"))]
    pub(super) fn table(lang: usize) -> &'static str {
        match lang {
            0 => super::TABLES[0],
            _ => TABLES.with(|tables| tables.get(lang).map_or("", std::cell::Cell::get)),
        }
    }

    /// Whether `lang`'s texts are here.
    pub(super) fn has(lang: Lang) -> bool {
        !table(lang as usize).is_empty()
    }

    /// Whether `lang`'s module was already handed over, or given up on.
    #[cfg(all(feature = "element", target_arch = "wasm32"))]
    pub(crate) fn asked(lang: Lang) -> bool {
        ASKED.with(|asked| asked.get() & (1 << lang as u8) != 0)
    }

    /// Takes `lang`'s module text ([`Lang::module_text`]), or `None` when it could not be
    /// loaded; the language is then never asked for again, and reads as English. A text of
    /// another version of the widget (a cache holding an older module), or with a key too
    /// many or too few, is refused the same way: the words would land on the wrong keys.
    #[cfg(all(feature = "element", target_arch = "wasm32"))]
    pub(crate) fn add(lang: Lang, text: Option<&str>) -> bool {
        ASKED.with(|asked| asked.set(asked.get() | 1 << lang as u8));
        let Some((version, texts)) = text.and_then(|t| t.split_once('\n')) else { return false };
        if lang == Lang::En
            || version != env!("CARGO_PKG_VERSION")
            || texts.split('\n').count() != super::Key::ALL.len()
            || texts.contains('\0')
        {
            return false;
        }
        let table: &'static str = String::leak(texts.replace('\n', "\0"));
        TABLES.with(|tables| tables.get(lang as usize).map(|t| t.set(table)));
        true
    }
}

macro_rules! messages {
    ($($key:ident => [$en:literal, $es:literal, $de:literal, $fr:literal, $pt:literal, $ar:literal],)*) => {
        /// A message of the widget's own.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Key { $($key,)* }

        /// Each language's texts as one string, in key order, each ended by a NUL: a table of
        /// 117 × 6 string pointers would cost the wasm 6.5 KB raw.
        const TABLES: [&str; 6] = [
            concat!($($en, "\0",)*),
            concat!($($es, "\0",)*),
            concat!($($de, "\0",)*),
            concat!($($fr, "\0",)*),
            concat!($($pt, "\0",)*),
            concat!($($ar, "\0",)*),
        ];

        /// Each key's texts in every language, by name: what the bundle needs in every
        /// language before any module has loaded (`StatusOf`, for `statusTitle`).
        #[allow(non_upper_case_globals, dead_code)]
        pub(crate) mod every {
            $(pub(crate) const $key: [&str; 6] = [$en, $es, $de, $fr, $pt, $ar];)*
        }

        impl Key {
            /// Every key, for the completeness test.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];

            /// English, Spanish, German, French, Brazilian Portuguese and Arabic.
            pub fn texts(self) -> [&'static str; 6] {
                [0, 1, 2, 3, 4, 5].map(|lang| Key::text(lang, self))
            }

            /// The text of this key in language `lang` (its place in `Lang::ALL`); empty
            /// when that language's texts are not loaded.
            fn text(lang: usize, key: Key) -> &'static str {
                loaded::table(lang).split('\0').nth(key as usize).unwrap_or_default()
            }
        }
    };
}

messages! {
    // Overall indicator.
    AllOperational => ["All systems operational", "Todos los sistemas están operativos", "Alle Systeme betriebsbereit", "Tous les systèmes sont opérationnels", "Todos os sistemas operacionais", "جميع الأنظمة تعمل"],
    MinorDisruption => ["Minor service disruption", "Interrupción menor del servicio", "Geringfügige Störung", "Perturbation mineure du service", "Pequena interrupção do serviço", "اضطراب طفيف في الخدمة"],
    MajorServiceOutage => ["Major service outage", "Interrupción importante del servicio", "Schwerer Ausfall", "Panne majeure du service", "Interrupção grave do serviço", "انقطاع كبير في الخدمة"],
    CriticalServiceOutage => ["Critical service outage", "Interrupción crítica del servicio", "Kritischer Ausfall", "Panne critique du service", "Interrupção crítica do serviço", "انقطاع حرج في الخدمة"],
    MaintenanceInProgress => ["Maintenance in progress", "Mantenimiento en curso", "Wartung läuft", "Maintenance en cours", "Manutenção em andamento", "صيانة جارية"],
    NoActiveIncidents => ["No active incidents", "No hay incidentes activos", "Keine aktiven Vorfälle", "Aucun incident en cours", "Nenhum incidente ativo", "لا توجد حوادث نشطة"],
    // Incident and maintenance statuses.
    Investigating => ["Investigating", "Investigando", "Wird untersucht", "Enquête en cours", "Investigando", "قيد التحقيق"],
    Identified => ["Identified", "Identificado", "Ursache erkannt", "Identifié", "Identificado", "تم تحديد السبب"],
    Monitoring => ["Monitoring", "En observación", "Wird beobachtet", "Surveillance", "Monitorando", "قيد المراقبة"],
    Resolved => ["Resolved", "Resuelto", "Behoben", "Résolu", "Resolvido", "تم الحل"],
    Postmortem => ["Postmortem", "Análisis posterior", "Nachbetrachtung", "Analyse post-incident", "Análise pós-incidente", "تحليل ما بعد الحادث"],
    Scheduled => ["Scheduled", "Programado", "Geplant", "Planifiée", "Programada", "مجدولة"],
    InProgress => ["In progress", "En curso", "Läuft", "En cours", "Em andamento", "جارية"],
    Verifying => ["Verifying", "Verificando", "Wird überprüft", "Vérification", "Verificando", "قيد التحقق"],
    Completed => ["Completed", "Completado", "Abgeschlossen", "Terminée", "Concluída", "اكتملت"],
    Cancelled => ["Cancelled", "Cancelado", "Abgesagt", "Annulée", "Cancelada", "أُلغيت"],
    // Impact.
    ImpactNone => ["No declared impact", "Sin impacto declarado", "Keine Auswirkung angegeben", "Aucun impact déclaré", "Nenhum impacto declarado", "لا تأثير معلن"],
    ImpactMinor => ["Minor impact", "Impacto menor", "Geringe Auswirkung", "Impact mineur", "Impacto menor", "تأثير طفيف"],
    ImpactMajor => ["Major impact", "Impacto importante", "Große Auswirkung", "Impact majeur", "Impacto grave", "تأثير كبير"],
    ImpactCritical => ["Critical impact", "Impacto crítico", "Kritische Auswirkung", "Impact critique", "Impacto crítico", "تأثير حرج"],
    ImpactMaintenance => ["Maintenance", "Mantenimiento", "Wartung", "Maintenance", "Manutenção", "صيانة"],
    ImpactOther => ["Impact: {0}", "Impacto: {0}", "Auswirkung: {0}", "Impact : {0}", "Impacto: {0}", "التأثير: {0}"],
    // Component statuses.
    Operational => ["Operational", "Operativo", "Betriebsbereit", "Opérationnel", "Operacional", "يعمل"],
    DegradedPerformance => ["Degraded performance", "Rendimiento degradado", "Eingeschränkte Leistung", "Performances dégradées", "Desempenho degradado", "أداء متراجع"],
    PartialOutage => ["Partial outage", "Interrupción parcial", "Teilausfall", "Panne partielle", "Interrupção parcial", "انقطاع جزئي"],
    MajorOutage => ["Major outage", "Interrupción importante", "Schwerer Ausfall", "Panne majeure", "Interrupção grave", "انقطاع كبير"],
    UnderMaintenance => ["Under maintenance", "En mantenimiento", "In Wartung", "En maintenance", "Em manutenção", "قيد الصيانة"],
    Unknown => ["Unknown", "Desconocido", "Unbekannt", "Inconnu", "Desconhecido", "غير معروف"],
    // Live-region announcements.
    AnnounceNewIncident => ["New incident: {0}, {1}.", "Nuevo incidente: {0}, {1}.", "Neuer Vorfall: {0}, {1}.", "Nouvel incident : {0}, {1}.", "Novo incidente: {0}, {1}.", "حادث جديد: {0}، {1}."],
    AnnounceMaintenanceStarted => ["Maintenance started: {0}, {1}.", "Mantenimiento iniciado: {0}, {1}.", "Wartung begonnen: {0}, {1}.", "Maintenance commencée : {0}, {1}.", "Manutenção iniciada: {0}, {1}.", "بدأت الصيانة: {0}، {1}."],
    AnnounceUpdate => ["Update on {0}: {1}.", "Actualización de {0}: {1}.", "Neuigkeit zu {0}: {1}.", "Mise à jour de {0} : {1}.", "Atualização sobre {0}: {1}.", "تحديث بشأن {0}: {1}."],
    AnnounceResolved => ["Resolved: {0}.", "Resuelto: {0}.", "Behoben: {0}.", "Résolu : {0}.", "Resolvido: {0}.", "تم الحل: {0}."],
    AnnounceMaintenanceOver => ["Maintenance over: {0}.", "Mantenimiento terminado: {0}.", "Wartung beendet: {0}.", "Maintenance terminée : {0}.", "Manutenção encerrada: {0}.", "انتهت الصيانة: {0}."],
    // Banner.
    AsOf => ["As of {0}", "A fecha de {0}", "Stand {0}", "Au {0}", "Em {0}", "حتى {0}"],
    AffectedList => ["Affected: {0}", "Afectados: {0}", "Betroffen: {0}", "Concernés : {0}", "Afetados: {0}", "المتأثر: {0}"],
    ListSeparator => [", ", ", ", ", ", ", ", ", ", "، "],
    NamesAndMore => ["{0} and {1} more", "{0} y {1} más", "{0} und {1} weitere", "{0} et {1} de plus", "{0} e mais {1}", "{0} و{1} غيرها"],
    PlusMore => ["+{0} more", "+{0}", "+{0} weitere", "+{0} de plus", "+{0}", "+{0}"],
    OneMoreActive => [" active incident", " incidente activo más", " aktiver Vorfall", " incident en cours", " incidente ativo a mais", " حادث نشط آخر"],
    MoreActive => [" active incidents", " incidentes activos más", " aktive Vorfälle", " incidents en cours", " incidentes ativos a mais", " حوادث نشطة أخرى"],
    StartedAgo => ["Started {0} ago", "Empezó hace {0}", "Dauer bisher: {0}", "Commencé il y a {0}", "Começou há {0}", "بدأ منذ {0}"],
    UnderWayAgo => ["Under way for {0}", "En curso desde hace {0}", "Läuft, Dauer bisher: {0}", "En cours depuis {0}", "Em andamento há {0}", "جارية منذ {0}"],
    // Panel.
    ComponentsNotOperational => ["Components not operational", "Componentes no operativos", "Nicht betriebsbereite Komponenten", "Composants non opérationnels", "Componentes fora de operação", "مكوّنات لا تعمل"],
    AndMore => ["and {0} more", "y {0} más", "und {0} weitere", "et {0} de plus", "e mais {0}", "و{0} غيرها"],
    NoIncidentsReported => ["No incidents reported.", "No se han notificado incidentes.", "Keine Vorfälle gemeldet.", "Aucun incident signalé.", "Nenhum incidente relatado.", "لم يُبلَّغ عن أي حوادث."],
    EarlierOnPage => ["Earlier incidents are in the status page’s history.", "Los incidentes anteriores están en el historial de la página de estado.", "Frühere Vorfälle stehen im Verlauf der Statusseite.", "Les incidents antérieurs figurent dans l’historique de la page d’état.", "Os incidentes anteriores estão no histórico da página de status.", "الحوادث السابقة موجودة في سجل صفحة الحالة."],
    EarlierNotInFeed => ["This feed does not list earlier incidents.", "Este feed no incluye incidentes anteriores.", "Dieser Feed enthält keine früheren Vorfälle.", "Ce flux ne liste pas les incidents antérieurs.", "Este feed não lista incidentes anteriores.", "لا تعرض هذه التغذية الحوادث السابقة."],
    PastOnPage => ["This feed lists no past incidents; they are in the status page’s history.", "Este feed no incluye incidentes pasados; están en el historial de la página de estado.", "Dieser Feed enthält keine vergangenen Vorfälle; sie stehen im Verlauf der Statusseite.", "Ce flux ne liste aucun incident passé ; ils figurent dans l’historique de la page d’état.", "Este feed não lista incidentes passados; eles estão no histórico da página de status.", "لا تعرض هذه التغذية الحوادث الماضية؛ فهي في سجل صفحة الحالة."],
    PastNotInFeed => ["This feed lists no past incidents.", "Este feed no incluye incidentes pasados.", "Dieser Feed enthält keine vergangenen Vorfälle.", "Ce flux ne liste aucun incident passé.", "Este feed não lista incidentes passados.", "لا تعرض هذه التغذية الحوادث الماضية."],
    NoActiveIncidentsNote => ["No active incidents.", "No hay incidentes activos.", "Keine aktiven Vorfälle.", "Aucun incident en cours.", "Nenhum incidente ativo.", "لا توجد حوادث نشطة."],
    NoActiveMostRecent => ["No active incidents. Most recent:", "No hay incidentes activos. El más reciente:", "Keine aktiven Vorfälle. Der letzte:", "Aucun incident en cours. Le plus récent :", "Nenhum incidente ativo. O mais recente:", "لا توجد حوادث نشطة. الأحدث:"],
    ActiveIncidents => ["Active incidents", "Incidentes activos", "Aktive Vorfälle", "Incidents en cours", "Incidentes ativos", "الحوادث النشطة"],
    ScheduledMaintenance => ["Scheduled maintenance", "Mantenimiento programado", "Geplante Wartung", "Maintenance planifiée", "Manutenção programada", "الصيانة المجدولة"],
    Components => ["Components", "Componentes", "Komponenten", "Composants", "Componentes", "المكوّنات"],
    PastIncidents => ["Past incidents", "Incidentes anteriores", "Frühere Vorfälle", "Incidents passés", "Incidentes anteriores", "الحوادث السابقة"],
    StatusPageLink => ["{0} status page", "Página de estado de {0}", "Statusseite von {0}", "Page d’état de {0}", "Página de status de {0}", "صفحة حالة {0}"],
    StatusOf => ["{0} status", "Estado de {0}", "Status von {0}", "État de {0}", "Status de {0}", "حالة {0}"],
    GroupNotOperational => ["{0} of {1} not operational", "{0} de {1} no operativos", "{0} von {1} nicht betriebsbereit", "{0} sur {1} non opérationnels", "{0} de {1} fora de operação", "{0} من {1} لا تعمل"],
    Lasted => ["lasted {0}", "duró {0}", "Dauer {0}", "a duré {0}", "durou {0}", "استمر {0}"],
    EditedLater => ["This update was rewritten later; the replay does not show the later text, and the feed keeps no earlier one.", "Esta actualización se reescribió más tarde; la reproducción no muestra el texto posterior y el feed no guarda el anterior.", "Diese Meldung wurde später neu geschrieben; die Wiedergabe zeigt den späteren Text nicht, und der Feed enthält keinen früheren.", "Cette mise à jour a été réécrite plus tard ; la relecture n’en montre pas le texte ultérieur, et le flux n’en garde pas l’ancien.", "Esta atualização foi reescrita depois; a reprodução não mostra o texto posterior, e o feed não guarda o anterior.", "أُعيدت كتابة هذا التحديث لاحقًا؛ لا تعرض الإعادة النص اللاحق، ولا تحتفظ التغذية بالنص السابق."],
    TextIsRootCause => ["Its text, edited later, is the root cause above.", "Su texto, editado después, es la causa raíz de arriba.", "Ihr Text, später ergänzt, ist die Ursache oben.", "Son texte, modifié ensuite, est la cause première ci-dessus.", "Seu texto, editado depois, é a causa raiz acima.", "نصه، المعدَّل لاحقًا، هو السبب الجذري أعلاه."],
    ShowMoreUpdates => ["Show {0} more updates", "Mostrar {0} actualizaciones más", "{0} weitere Meldungen zeigen", "Afficher {0} mises à jour de plus", "Mostrar mais {0} atualizações", "عرض {0} تحديثات أخرى"],
    ShowMoreIncidents => ["Show {0} more incidents", "Mostrar {0} incidentes más", "{0} weitere Vorfälle zeigen", "Afficher {0} incidents de plus", "Mostrar mais {0} incidentes", "عرض {0} حوادث أخرى"],
    // Incident.
    ResolvedAfter => ["Resolved after {0}", "Resuelto tras {0}", "Behoben, Dauer: {0}", "Résolu après {0}", "Resolvido após {0}", "تم الحل بعد {0}"],
    CompletedAfter => ["Completed after {0}", "Completado tras {0}", "Abgeschlossen nach {0}", "Terminée après {0}", "Concluída após {0}", "اكتملت بعد {0}"],
    OngoingFor => ["Ongoing for {0}", "En curso desde hace {0}", "Dauer bisher: {0}", "En cours depuis {0}", "Em andamento há {0}", "مستمر منذ {0}"],
    ScheduledWindow => ["Scheduled {0}", "Programado: {0}", "Geplant: {0}", "Prévue : {0}", "Programada: {0}", "مجدولة: {0}"],
    WindowFrom => ["from {0}", "desde {0}", "ab {0}", "à partir du {0}", "a partir de {0}", "ابتداءً من {0}"],
    StartsIn => ["starts {0}", "empieza {0}", "beginnt {0}", "commence {0}", "começa {0}", "تبدأ {0}"],
    Started => ["Started ", "Empezó ", "Begonnen ", "Commencé le ", "Começou ", "بدأ "],
    Affected => ["Affected: {0}", "Afectados: {0}", "Betroffen: {0}", "Concernés : {0}", "Afetados: {0}", "المتأثر: {0}"],
    BeganDuringMaintenance => ["Began during the scheduled maintenance “{0}” on the same components", "Empezó durante el mantenimiento programado «{0}» en los mismos componentes", "Begann während der geplanten Wartung „{0}“ an denselben Komponenten", "A commencé pendant la maintenance planifiée « {0} » sur les mêmes composants", "Começou durante a manutenção programada “{0}” nos mesmos componentes", "بدأ أثناء الصيانة المجدولة «{0}» على المكوّنات نفسها"],
    BeganAfterMaintenance => ["Began {0} after the scheduled maintenance “{1}” on the same components", "Empezó {0} después del mantenimiento programado «{1}» en los mismos componentes", "Begann {0} nach der geplanten Wartung „{1}“ an denselben Komponenten", "A commencé {0} après la maintenance planifiée « {1} » sur les mêmes composants", "Começou {0} depois da manutenção programada “{1}” nos mesmos componentes", "بدأ بعد {0} من الصيانة المجدولة «{1}» على المكوّنات نفسها"],
    NotStatedRelated => ["Close in time and on the same components; the status page does not say they are related.", "Cercanos en el tiempo y en los mismos componentes; la página de estado no dice que estén relacionados.", "Zeitlich nah und an denselben Komponenten; die Statusseite sagt nicht, dass sie zusammenhängen.", "Proches dans le temps et sur les mêmes composants ; la page d’état ne dit pas qu’ils sont liés.", "Próximos no tempo e nos mesmos componentes; a página de status não diz que estão relacionados.", "متقاربان في الوقت وعلى المكوّنات نفسها؛ ولا تذكر صفحة الحالة أنهما مرتبطان."],
    RootCause => ["Root cause", "Causa raíz", "Ursache", "Cause première", "Causa raiz", "السبب الجذري"],
    Published => ["Published ", "Publicado ", "Veröffentlicht ", "Publié le ", "Publicado ", "نُشر "],
    UpdatesNewestFirst => ["Updates, newest first", "Actualizaciones, la más reciente primero", "Meldungen, neueste zuerst", "Mises à jour, la plus récente d’abord", "Atualizações, a mais recente primeiro", "التحديثات، الأحدث أولًا"],
    ComponentChanges => ["Component changes", "Cambios de componentes", "Änderungen an Komponenten", "Changements de composants", "Alterações de componentes", "تغييرات المكوّنات"],
    WasStatus => ["was {0}", "era {0}", "war {0}", "était {0}", "era {0}", "كان {0}"],
    ViewIncident => ["View this incident on the status page", "Ver este incidente en la página de estado", "Diesen Vorfall auf der Statusseite ansehen", "Voir cet incident sur la page d’état", "Ver este incidente na página de status", "عرض هذا الحادث في صفحة الحالة"],
    ViewMaintenance => ["View this maintenance on the status page", "Ver este mantenimiento en la página de estado", "Diese Wartung auf der Statusseite ansehen", "Voir cette maintenance sur la page d’état", "Ver esta manutenção na página de status", "عرض هذه الصيانة في صفحة الحالة"],
    PageTime => ["Status page time: {0}", "Hora de la página de estado: {0}", "Zeit der Statusseite: {0}", "Heure de la page d’état : {0}", "Horário da página de status: {0}", "توقيت صفحة الحالة: {0}"],
    // App, errors, freshness.
    Loading => ["Loading status…", "Cargando estado…", "Status wird geladen…", "Chargement de l’état…", "Carregando status…", "جارٍ تحميل الحالة…"],
    NoMatch => ["No component of this status page matches “{0}”.", "Ningún componente de esta página de estado coincide con «{0}».", "Keine Komponente dieser Statusseite passt zu „{0}“.", "Aucun composant de cette page d’état ne correspond à « {0} ».", "Nenhum componente desta página de status corresponde a “{0}”.", "لا يطابق أي مكوّن في صفحة الحالة هذه «{0}»."],
    Dismiss => ["Dismiss the status banner", "Cerrar el aviso de estado", "Statushinweis schließen", "Fermer le bandeau d’état", "Fechar o aviso de status", "إغلاق شريط الحالة"],
    SourceStale => ["{0} could not be refreshed: {1}. Its last known status is shown.", "No se pudo actualizar {0}: {1}. Se muestra su último estado conocido.", "{0} konnte nicht aktualisiert werden: {1}. Der letzte bekannte Status wird gezeigt.", "{0} n’a pas pu être actualisé : {1}. Son dernier état connu est affiché.", "Não foi possível atualizar {0}: {1}. O último status conhecido é exibido.", "تعذّر تحديث {0}: {1}. تُعرض آخر حالة معروفة له."],
    SourceFailed => ["{0} could not be read: {1}. The other status pages are shown.", "No se pudo leer {0}: {1}. Se muestran las demás páginas de estado.", "{0} konnte nicht gelesen werden: {1}. Die anderen Statusseiten werden gezeigt.", "{0} n’a pas pu être lu : {1}. Les autres pages d’état sont affichées.", "Não foi possível ler {0}: {1}. As outras páginas de status são exibidas.", "تعذّرت قراءة {0}: {1}. تُعرض صفحات الحالة الأخرى."],
    TryAgain => ["Try again", "Reintentar", "Erneut versuchen", "Réessayer", "Tentar novamente", "أعد المحاولة"],
    ErrorUnreachable => ["Status unavailable: the status page could not be reached.", "Estado no disponible: no se pudo contactar con la página de estado.", "Status nicht verfügbar: die Statusseite ist nicht erreichbar.", "État indisponible : la page d’état est injoignable.", "Status indisponível: não foi possível acessar a página de status.", "الحالة غير متاحة: تعذّر الوصول إلى صفحة الحالة."],
    ErrorNotFound => ["Status unavailable: the status feed was not found (HTTP 404).", "Estado no disponible: no se encontró el feed de estado (HTTP 404).", "Status nicht verfügbar: der Status-Feed wurde nicht gefunden (HTTP 404).", "État indisponible : le flux d’état est introuvable (HTTP 404).", "Status indisponível: o feed de status não foi encontrado (HTTP 404).", "الحالة غير متاحة: لم يُعثر على تغذية الحالة (HTTP 404)."],
    ErrorHttp => ["Status unavailable: the status page answered with an error (HTTP {0}).", "Estado no disponible: la página de estado respondió con un error (HTTP {0}).", "Status nicht verfügbar: die Statusseite antwortete mit einem Fehler (HTTP {0}).", "État indisponible : la page d’état a répondu par une erreur (HTTP {0}).", "Status indisponível: a página de status respondeu com um erro (HTTP {0}).", "الحالة غير متاحة: ردّت صفحة الحالة بخطأ (HTTP {0})."],
    ErrorTimeout => ["Status unavailable: the status page did not answer in time.", "Estado no disponible: la página de estado no respondió a tiempo.", "Status nicht verfügbar: die Statusseite hat nicht rechtzeitig geantwortet.", "État indisponible : la page d’état n’a pas répondu à temps.", "Status indisponível: a página de status não respondeu a tempo.", "الحالة غير متاحة: لم تردّ صفحة الحالة في الوقت المحدد."],
    ErrorTooLarge => ["Status unavailable: the status feed is too large to show.", "Estado no disponible: el feed de estado es demasiado grande.", "Status nicht verfügbar: der Status-Feed ist zu groß.", "État indisponible : le flux d’état est trop volumineux.", "Status indisponível: o feed de status é grande demais para exibir.", "الحالة غير متاحة: تغذية الحالة أكبر من أن تُعرض."],
    ErrorNotJson => ["Status unavailable: the status feed is damaged (not valid JSON).", "Estado no disponible: el feed de estado está dañado (JSON no válido).", "Status nicht verfügbar: der Status-Feed ist beschädigt (kein gültiges JSON).", "État indisponible : le flux d’état est endommagé (JSON non valide).", "Status indisponível: o feed de status está danificado (JSON inválido).", "الحالة غير متاحة: تغذية الحالة تالفة (JSON غير صالح)."],
    ErrorNotStatus => ["Status unavailable: this address does not serve a Statuspage status feed.", "Estado no disponible: esta dirección no ofrece un feed de estado de Statuspage.", "Status nicht verfügbar: diese Adresse liefert keinen Statuspage-Feed.", "État indisponible : cette adresse ne fournit pas de flux d’état Statuspage.", "Status indisponível: este endereço não fornece um feed de status do Statuspage.", "الحالة غير متاحة: هذا العنوان لا يقدّم تغذية حالة من Statuspage."],
    ErrorThroughRelay => ["Status unavailable: this feed comes from {0}, which this widget reads through status-relay.", "Estado no disponible: este feed viene de {0}, que este widget lee a través de status-relay.", "Status nicht verfügbar: dieser Feed stammt von {0}, den dieses Widget über status-relay liest.", "État indisponible : ce flux vient de {0}, que ce widget lit via status-relay.", "Status indisponível: este feed vem de {0}, que este widget lê por meio do status-relay.", "الحالة غير متاحة: هذه التغذية من {0}، وتقرؤها هذه الأداة عبر status-relay."],
    ErrorUnsupported => ["Status unavailable: this feed comes from {0}, which this widget cannot read yet.", "Estado no disponible: es una página de estado {0}, que este widget aún no puede leer.", "Status nicht verfügbar: dies ist eine {0}-Statusseite, die dieses Widget noch nicht lesen kann.", "État indisponible : c’est une page d’état {0}, que ce widget ne sait pas encore lire.", "Status indisponível: este feed vem de {0}, que este widget ainda não consegue ler.", "الحالة غير متاحة: هذه التغذية من {0}، ولا تستطيع هذه الأداة قراءتها بعد."],
    ReasonUnreachable => ["the status page is unreachable", "la página de estado no responde", "die Statusseite ist nicht erreichbar", "la page d’état est injoignable", "a página de status está inacessível", "صفحة الحالة لا يمكن الوصول إليها"],
    ReasonHttp => ["the status page answers HTTP {0}", "la página de estado responde HTTP {0}", "die Statusseite antwortet mit HTTP {0}", "la page d’état répond HTTP {0}", "a página de status responde HTTP {0}", "صفحة الحالة تردّ HTTP {0}"],
    ReasonNotFound => ["the feed is not there (HTTP 404)", "el feed no existe (HTTP 404)", "den Feed gibt es nicht (HTTP 404)", "le flux n’existe pas (HTTP 404)", "o feed não existe (HTTP 404)", "التغذية غير موجودة (HTTP 404)"],
    ReasonTooLarge => ["the feed is too large", "el feed es demasiado grande", "der Feed ist zu groß", "le flux est trop volumineux", "o feed é grande demais", "التغذية كبيرة جدًا"],
    ReasonThroughRelay => ["it comes from {0}, which this widget reads through status-relay", "viene de {0}, que este widget lee a través de status-relay", "er stammt von {0}, den dieses Widget über status-relay liest", "il provient de {0}, que ce widget lit via status-relay", "ele vem de {0}, que este widget lê por meio do status-relay", "فهي من {0}، وتقرؤها هذه الأداة عبر status-relay"],
    ReasonUnsupported => ["it comes from {0}, which this widget cannot read yet", "es de {0}, que este widget aún no puede leer", "er stammt von {0}, das dieses Widget noch nicht lesen kann", "il provient de {0}, que ce widget ne sait pas encore lire", "ele vem de {0}, que este widget ainda não consegue ler", "فهي من {0}، ولا تستطيع هذه الأداة قراءتها بعد"],
    ReasonUnreadable => ["the feed cannot be read", "el feed no se puede leer", "der Feed ist nicht lesbar", "le flux est illisible", "o feed não pode ser lido", "تتعذّر قراءة التغذية"],
    OutOfDateSince => ["Status may be out of date: {0} since {1}. Last read {2}.", "El estado puede no estar al día: {0} desde {1}. Última lectura {2}.", "Status möglicherweise veraltet: {0} seit {1}. Zuletzt gelesen {2}.", "L’état n’est peut-être plus à jour : {0} depuis {1}. Dernière lecture {2}.", "O status pode estar desatualizado: {0} desde {1}. Última leitura {2}.", "قد تكون الحالة غير محدّثة: {0} منذ {1}. آخر قراءة {2}."],
    RefreshFailing => ["Updated {0}; refreshing failed ({1}), retrying.", "Actualizado {0}; la actualización falló ({1}), reintentando.", "Aktualisiert {0}; Aktualisieren fehlgeschlagen ({1}), neuer Versuch läuft.", "Mis à jour {0} ; l’actualisation a échoué ({1}), nouvel essai.", "Atualizado {0}; a atualização falhou ({1}), tentando novamente.", "حُدّث {0}؛ فشل التحديث ({1})، تجري إعادة المحاولة."],
    SavedCopy => ["Saved copy from {0}; refreshing…", "Copia guardada de {0}; actualizando…", "Gespeicherte Kopie von {0}; wird aktualisiert…", "Copie enregistrée de {0} ; actualisation…", "Cópia salva de {0}; atualizando…", "نسخة محفوظة من {0}؛ جارٍ التحديث…"],
    OutOfDate => ["Status may be out of date: last read {0}.", "El estado puede no estar al día: última lectura {0}.", "Status möglicherweise veraltet: zuletzt gelesen {0}.", "L’état n’est peut-être plus à jour : dernière lecture {0}.", "O status pode estar desatualizado: última leitura {0}.", "قد تكون الحالة غير محدّثة: آخر قراءة {0}."],
    Updated => ["Updated {0}", "Actualizado {0}", "Aktualisiert {0}", "Mis à jour {0}", "Atualizado {0}", "حُدّث {0}"],
    // Replay.
    Replay => ["Replay", "Repetición", "Wiedergabe", "Relecture", "Reprodução", "إعادة العرض"],
    Replaying => ["Replaying ", "Reproduciendo ", "Wiedergabe von ", "Relecture du ", "Reproduzindo ", "إعادة عرض "],
    UpdateOf => [" · update {0} of {1}", " · actualización {0} de {1}", " · Meldung {0} von {1}", " · mise à jour {0} sur {1}", " · atualização {0} de {1}", " · التحديث {0} من {1}"],
    PreviousUpdate => ["Previous update", "Actualización anterior", "Vorherige Meldung", "Mise à jour précédente", "Atualização anterior", "التحديث السابق"],
    NextUpdate => ["Next update", "Actualización siguiente", "Nächste Meldung", "Mise à jour suivante", "Próxima atualização", "التحديث التالي"],
    ShowLive => ["Show live", "Ver en directo", "Live anzeigen", "Voir en direct", "Ver ao vivo", "عرض مباشر"],
    UnderAMinute => ["under a minute", "menos de un minuto", "unter einer Minute", "moins d’une minute", "menos de um minuto", "أقل من دقيقة"],
    JustNow => ["just now", "ahora mismo", "gerade eben", "à l’instant", "agora mesmo", "الآن"],
}
