"""Understanding: harm read by meaning (roots, templates, parts), the rules that decide, places
below the district, and bad input."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.classifier import Opinion
from bot.core.decide import RULES, best
from bot.core.engine import Engine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge, load_knowledge
from bot.core.model import Context
from bot.core.query import Place
from bot.core.templates import TemplateError, expand
from bot.core.text import normalize, split_clitics, stem

# -- morphology and templates ------------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        ["golpea", "golpeo", "golpearon", "golpeando", "golpear"],
        ["abusado", "abusaron", "abuso", "abusaba"],
        ["pega", "pego", "pegaba", "pegando", "pegaron"],
        ["mata", "matar", "matara", "mataron"],
    ],
)
def test_inflections_share_a_root(forms: list[str]) -> None:
    assert len({stem(f) for f in forms}) == 1


def test_attached_pronouns_stand_before_the_verb() -> None:
    assert split_clitics(["quiere", "matarla"]) == ["quiere", "la", "matar"]
    assert split_clitics(["pegandome"]) == ["me", "pegando"]
    assert split_clitics(["muerte", "parte", "carlos"]) == ["muerte", "parte", "carlos"]


def test_templates_expand_like_home_assistant() -> None:
    assert expand("(me|le|les) pega") == ["me pega", "le pega", "les pega"]
    assert sorted(expand("quiere[n] mat*")) == ["quiere mat*", "quieren mat*"]
    assert expand("<obj> [esta] pegando", {"obj": "(me|la)"}) == [
        "me esta pegando",
        "me pegando",
        "la esta pegando",
        "la pegando",
    ]
    # "(ya )?" is a regular expression's optional group, which a template writes "[ya]"
    for bad in ("(a|b", "a)", "<nadie>", "[a", "(ya )?van", "pega+"):
        with pytest.raises(TemplateError):
            expand(bad)


@pytest.mark.parametrize(
    "text",
    [
        "mi vecino golpea a su hijo",
        "mi esposo golpeó a mi hija anoche",
        "los golpearon a mis hijos",
        "la está golpeando",
        "le dio una golpiza a su mujer",
        "mi hijo fue abusado",
        "abusaron de mi sobrina",
        "mi papá nos empuja",
        "mi esposo les pega a mis hijos con la correa",
        "mi esposo le va a matar a mi mamá",
        "aiuda mi marido me ba a matar",
        "dice que quiere matarla",
        # idioms never hide a threat, hunger imposed or work imposed
        "mi esposo dice que me mata, trabajo en el mercado y no sé a dónde ir",
        "mi marido me mata de hambre",
        "mi tío nos mata a trabajar en la chacra",
        "mi esposo llegó de la fiesta y me quiere matar",
        "después del examen mi papá me mata a golpes",
        "hace 3 años un conocido me forzó en una fiesta, recién me animo a contarlo",
        "crearon un perfil con mi cara y ponen que vendo packs",
        "tengo quince años, mi padrastro me toca, puedo llamar a la linea 100?",
        "mi hermana de catorce años vive con un señor de 30",
        # a frame never swallows a report, nor what someone told the writer
        "en el debate del colegio una compañera contó que su papá la viola",
        "en la clase una alumna me contó que su tío la toca",
        "el profesor me pide hacer cosas que no quiero para aprobarme",
        "una alumna me contó que en el trabajo grupal su compañero la manosea",
        "en el trabajo sobre todo los sábados el patrón le pega a la chica que cocina",
        # the aggressor's excuse hides nothing
        "mi esposo me pegó y dice que fue sin querer",
        # what follows "no le pega pero" is harm too
        "no le pegan pero la tienen trabajando sin pagarle en la casa",
        # a shout is danger, unless it asks help with homework
        "¡ayuda! mi esposo me pega",
        "ayudaaa con mi esposo que me pega",
        # a kind of case asked about never hides one happening now
        "para los casos de violencia que vemos, una señora está siendo golpeada ahora",
    ],
)
def test_harm_is_read_in_every_form(engine: Engine, text: str) -> None:
    query = engine.understand(text)
    assert query.harm, text
    assert query.intent in ("emergency", "referral")


@pytest.mark.parametrize(
    "text",
    [
        # an idiom of things that "kill" never hides a threat nor a killing
        "mi padrastro me dijo que si cuento eso me mata, tengo 13 años",
        "mi marido dijo q si lo denuncio eso me mata y a mis wawas tambien",
        "lo mataron de rabia a mi tío en la fiesta de la comunidad, le dieron con piedra",
        "la mataron de celos a mi prima en Ilave y el tipo anda libre",
        "mi esposo está matando a mis ovejas y dice que después sigo yo",
        "mi papá no ganó y le dio una paliza a mi mamá al llegar",
        "mi esposo le dio un golpe a la puerta y me dijo que la próxima soy yo",
        # a note left, a sermon heard, a kind of case asked: no frame over someone's harm
        "una chica de mi colegio dejó una nota sobre que se va a quitar la vida",
        "en la prédica de hoy vi que una señora tenía la cara morada, su esposo la golpea",
        "buenas, para los casos de maltrato infantil: el vecino encierra a sus hijos sin comer",
        "en estos casos de abuso qué se hace, una señora le pega a su nieta y la encierra",
        # "no me hizo daño" quoted never hides what the child shows
        "no me hizo daño dice, pero mi hija de 4 años se queja que le duele ahí abajo",
        # a job title is no idiom when it names who does the harm
        "el auxiliar de educación le toca a las alumnas en el colegio de Ilave",
    ],
)
def test_idioms_and_frames_never_hide_a_case(engine: Engine, text: str) -> None:
    assert engine.understanding.read(text).harm.present, text
    answer = engine.reply(text)
    assert answer.intent in ("emergency", "referral")
    assert "Línea 100" in "\n".join(answer.text.splitlines()[:3])


# -- the plain disclosures ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi hijo fue abusado",
        "mi vecino golpea a su hijo",
        "Mi esposo les pega a mis hijos con la correa y los baña en agua helada",
        "mis sobrinitas me contaron que su papá les hace cosas desde hace años, dónde denuncio hoy",
        "la vecina le da correazos a su hijito de 9 años, el niño grita",
        "un abuelito duerme hace un mes junto a la tumba de su esposa, su yerno lo echó",
        "me piden mil soles, dicen que tienen a mi hija",
        "mi esposo le va a matar a mi mamá",
        "mi papá nos empuja",
        "aiuda mi marido me ba a matar",
        "me violaron hace un año",
    ],
)
def test_disclosures_of_harm_are_never_unknown(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.intent in ("emergency", "referral"), text
    assert answer.harm
    assert any("100" in line for line in answer.text.splitlines()[:3])


def test_past_harm_is_a_referral_and_danger_now_an_emergency(engine: Engine) -> None:
    assert engine.understand("me violaron hace un año, dónde me ayudan").intent == "referral"
    assert engine.understand("me violaron hace un año, dónde me ayudan").harm == "past"
    assert engine.understand("mi esposo me está pegando ahora mismo").intent == "emergency"
    assert engine.understand("mi esposo me está pegando ahora mismo").harm == "now"


@pytest.mark.parametrize(
    "text",
    ["no, la están matando", "no me pegues más por favor", "no hay día que no me pegue"],
)
def test_a_no_before_an_act_never_hides_it(engine: Engine, text: str) -> None:
    """Punctuation is gone once a message is normalised: "no, la están matando" is a plea,
    "no me pegues" an order to the one who hits. Harm stays harm."""
    assert engine.understanding.read(text).harm.present


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("hace 7 años mi padrastro me violaba", "past"),  # a number in a phrase: <numero>
        ("desde hace 3 meses mi esposo me pega", "ongoing"),
        ("de chiquita mi tío me hacía cosas", "past"),
        ("un niño duerme en la puerta del mercado", "ongoing"),  # "en la puerta" is not "now"
        ("mi esposo está en la puerta gritando que me va a matar", "now"),
        # held, still: "no la dejan salir" weighs more than "hace dos semanas"
        ("mi prima se fue hace dos semanas a trabajar a un bar y no la dejan salir", "now"),
        ("su papá viene a recogerla a las 12 y la niña llora, le pegó ayer", "now"),
        ("mi hijo no volvió anoche, ya lo encontramos en casa de su amigo", "past"),
        ("me pegó anoche, ya vino la policía y se lo llevaron", "past"),  # around a name
        # a state that lasts: "hace una semana" does not make a disappearance past
        ("mi sobrina se fue a trabajar a la mina y ya no contesta hace una semana", "now"),
        ("un abuelito está tirado en el piso, su hijo lo dejó solo", "now"),
        ("desde hace una semana dicen que si no pago van a hacer daño a mi hija", "now"),
        ("mi papá está apretando el cuello de mi mamá", "now"),
        ("nuestra amiga salió con un chico de tiktok y no regresa", "now"),  # tiktok frames nothing
        ("a una abuelita la dejaron aquí en la esquina y ya es de noche", "now"),
        ("se rascaba hasta sangrar, ya está de vuelta en la casa", "past"),  # not "sangrando"
        # a week ago is not the past of someone safe now: the danger goes on
        ("la semana pasada me apretó el cuello hasta que casi me desmayo", "ongoing"),
        ("hace una semana me pegó con la correa", "ongoing"),
        ("el mes pasado me pegó, ya me separé", "past"),
        # "en la noche" is when it happens, not "last night" ("anoche", "esta noche")
        ("mi esposo me pega en la noche cuando llega tomado", "ongoing"),
        # safe now, where the writer says so
        ("mi papá me botó de la casa, ahora estoy durmiendo donde un amigo", "past"),
        ("mi nuera le empujó a mi mamá, ahora está internada en el hospital", "past"),
        ("la pateó en la barriga hace una hora y ya está viniendo para acá", "now"),
    ],
)
def test_when_the_harm_happens(engine: Engine, text: str, time: str) -> None:
    assert engine.understanding.read(text).harm.time == time


def test_a_child_working_in_the_street_is_a_case(engine: Engine) -> None:
    query = engine.understand(
        "un chico de unos 9 lustra zapatos en la plaza de Ilave, a quién aviso"
    )
    assert query.harm and query.situation == "nna_calle"
    assert not engine.understanding.read(
        "trabajo en el mercado de Juli, quién cuida a mi wawa"
    ).harm.present


def test_the_victim_is_the_one_harmed(engine: Engine) -> None:
    reading = engine.understanding.read("mis hijos le quitaron su terreno a mi awicha")
    assert reading.victims[0] == "adulto_mayor"


def test_the_writers_own_childhood_is_no_child_victim(engine: Engine) -> None:
    query = engine.understand(
        "un tío abusó de mí cuando era niña, ahora tengo 30 y quiero hablarlo"
    )
    assert query.intent == "referral" and query.services[:1] == ("cem",)


def test_the_case_the_message_names_for_its_victim_leads(engine: Engine) -> None:
    # blows make harm's own case (CEM) unless the message names the child's ("bullying")
    query = engine.understand(
        "a mi hija de 10 le pegaron en el colegio, es bullying, a quien recurro"
    )
    assert query.situation == "nna_sin_cuidados" and "demuna" in query.services
    assert engine.understand("a mi hija de 10 le pegaron, a quien recurro").situation == "violencia"


def test_who_the_writer_is_is_no_victim_of_harm_to_another(engine: Engine) -> None:
    # "soy abuela": the grandson's case, not an older adult's; hers when the harm is hers
    told = "soy abuela, mi yerno le pega a mi nieto de 10"
    assert engine.understanding.read(told).victims == ("nna",)
    harmed = engine.understanding.read("soy abuela y mi hijo me pega")
    assert "adulto_mayor" in harmed.victims
    # "a mí", "mi casa": done to the writer too, though "mi" says whose
    for text in (
        "soy abuela y cuido a mis nietos, mi yerno viene borracho y pega a mi y a los niños",
        "soy abuelo de 82, mis hijos me abandonaron y mi nuera se quedo con mi casa en Lampa",
    ):
        assert "adulto_mayor" in engine.understanding.read(text).victims, text


def test_the_service_a_question_asks_about_comes_first(engine: Engine) -> None:
    text = "soy de la DEMUNA de Sandia, en el temario sale mucho el CEM. que es la UPE?"
    assert engine.understand(text).services[:1] == ("upe",)
    # without a question about one of them, the order named
    assert engine.understanding.read("el CEM y la UPE de Puno").services == ("cem", "upe")


def test_which_service_of_the_ministry_takes_a_population_is_a_referral(engine: Engine) -> None:
    query = engine.understand("que servicio del mimp protege a los adultos mayores?")
    assert query.intent == "referral" and query.services[:1] == ("mi60",)
    assert engine.understand("que es el mimp").terms == ("mimp",)


def test_who_is_addressed_is_no_victim(engine: Engine) -> None:
    # "mamita" greets the bot; the older adult of the story leads the referral
    query = engine.understand(
        "allillanchu mamita, la pension 65 de mi mamay no llega, mi hermano le quita la plata"
    )
    assert query.services[:1] == ("mi60",)
    assert not engine.understanding.read("señorita buenas noches, le escribo").victims
    assert engine.understanding.read("hola, mi mamita esta mal, su esposo le pega").victims


def test_an_older_woman_is_an_older_adult(engine: Engine) -> None:
    reading = engine.understanding.read("una señora mayor vive sola y su hijo le quitó su pensión")
    assert reading.victims[0] == "adulto_mayor"


@pytest.mark.parametrize(
    "text",
    [
        # a safe-now mark before the danger does not hide it (review of 2026-12-04)
        "lo detuvieron unas horas y ya lo soltaron, mi esposo me amenaza con matarme",
        "la policía se lo llevó anoche pero ya salió y dice que me va a matar",
        "ya me escapé con mi hija, mi esposo nos está buscando con un cuchillo",
        "la encontraron en su cuarto, se cortó las venas",
        "no es urgente pero mi hijo de 3 años está solo encerrado en la casa desde ayer",
        "mi hija ya está de vuelta en la casa pero su padrastro la sigue tocando",
        # nor does a frame when the harm is said to happen now
        "el señor de al lado golpea a su esposa por las vacas, la está pegando ahorita",
    ],
)
def test_danger_after_a_safe_mark_or_a_frame_is_an_emergency(engine: Engine, text: str) -> None:
    assert engine.understand(text).intent == "emergency"


def test_where_one_comes_from_is_not_an_office(engine: Engine) -> None:
    # "somos de Juli" is no worker's referral: a child beaten every day stays an emergency
    assert (
        engine.understand("mi vecino golpea a su hijo todos los días, somos de Juli").intent
        == "emergency"
    )
    assert engine.understanding.read(
        "soy de la DEMUNA de Ilave, un niño dice que le pegan"
    ).affiliation


@pytest.mark.parametrize(
    "text",
    [
        "¿el celular puede hacer daño a mi hijo?",
        "el puesto de salud de la rinconada no alcanza para atender a los mineros",
        "mi mamá vende dulces en el mercado, ¿qué es el Mi60+?",
        "quiero ser voluntaria para ayudar a otras mujeres, ¿qué horario tiene el CEM?",
        "mi hija se enojó porque no la dejé ir a la fiesta",  # the parent's own rule
    ],
)
def test_ordinary_words_are_not_harm(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present


def test_grave_harm_told_by_the_radio_is_not_homework(engine: Engine) -> None:
    query = engine.understand(
        "en la radio dijeron que un niño de mi barrio está desaparecido, ¿a quién llamo?"
    )
    assert query.intent in ("emergency", "referral")


def test_homework_about_harm_describes_its_services(engine: Engine) -> None:
    query = engine.understand("para mi monografía: qué servicio atiende a las víctimas de trata")
    assert (query.intent, query.services[:1]) == ("describe", ("cem",))
    # a frame beside one's own child is not homework
    own = engine.understand("mi hija juega free fire y un adulto le pide fotos, q hago")
    assert own.intent in ("emergency", "referral")
    # the teacher who set the homework is not in the story
    asked = engine.understand(
        "mi profesora nos pidió un trabajo sobre la trata de personas, qué servicio la atiende"
    )
    assert asked.intent == "describe"


def test_a_worker_asking_about_a_service_gets_the_answer(engine: Engine) -> None:
    text = (
        "soy enfermera en Juli, atiendo mujeres golpeadas que solo hablan aimara, "
        "¿la Línea 100 atiende en aimara?"
    )
    query = engine.understand(text)
    assert query.intent == "describe" and query.harm
    assert "100" in engine.reply(text).text.splitlines()[0]


def test_money_harm_beside_a_question_about_a_service_answers_it(engine: Engine) -> None:
    text = "¿hay CIAM en Azángaro? mi tío le quita su pensión a mi abuelito"
    query = engine.understand(text)
    assert (query.intent, query.services[:1]) == ("locate", ("ciam",))
    assert query.harm
    assert "100" in "".join(engine.reply(text).text.splitlines()[:3])
    # neglect is a case to refer, whatever else is asked
    neglect = "¿el Mi60+ atiende en Moho? a mi abuelito sus hijos lo dejaron solo y sin comer"
    assert engine.understand(neglect).intent in ("emergency", "referral")


@pytest.mark.parametrize(
    "text",
    [
        "mi enamorado me revisa el cel todo el tiempo",
        "mi enamorado me prohíbe ir a clases",
        "dice que si lo dejo se mata",
        "el profe de educación física nos abraza raro después de clase",
        "dicen que lo tienen retenido en un socavón",
        "si no deposito no lo vas a volver a ver",
        "mañana ya no me van a ver más",
        "mi hermana salió el sábado y hasta hoy no vuelve",
        "su celular está apagado desde el lunes y mi hija no vuelve",
        "mi esposo me dice mantenida",
        "el dueño del cuarto me dice que le pague con otra cosa",
        "mi esposo cobra mi sueldo",
        "ya escribí mi testamento",
        "la patrona tiene mis documentos y no me paga",
        "dice que le debo el pasaje y no puedo irme hasta pagar",
        "en el bar me hacen tomar con los clientes",
        "la trajeron diciendo que era para atender en una tienda",
        "mi hija de 14 se fue a convivir con un señor de 30",
        "mi hermana salió el sábado, ya es martes y no vuelve",
        "ya van tres días que no sabemos nada de mi hijo",
        "a su hijo de 8 su papá lo hace cargar costales",
        "mi cuñado mandó a su hijo de 11 a trabajar a la mina",
        "mi nieta tiene marcas de correa en las piernas",
        "su mamá la deja con llave todo el día",
        "vuelve mañana de la mina y ya me dijo que me va a hacer pagar",
        "en la comisaría me dijeron que regrese a mi casa y que arregle con mi esposo",
        "la fiscalía archivó mi denuncia y él sigue molestándome",
        "no me quisieron dar el certificado de las lesiones",
        "mi papá firmó y ahora dicen que su casa ya no es suya",
        "a mi abuelo le hicieron firmar unos papeles que no entiende",
        "un chico tiene fotos mías y dice que las pasa a todo mi colegio",
        "si no le envío más dice que se entera mi familia",
        "un señor les compra los packs a unas alumnas",
        "se necesitan señoritas para atención, viaje inmediato, y mi hija quiere ir",
        "le ofrecen chamba de modelo a mi prima de 15",
        "mi hija de 14 tiene un novio de tiktok que nunca ha visto",
        "el profe me agarra la pierna en el recreo",
        "el profe me tocó el trasero",
        "mi esposo me revienta a puñetes",
        "mi mamá me clava la plancha caliente en los brazos",
        "dejaron un bebito en una caja en la puerta de la iglesia",
        "hay una wawita llorando solita en la calle",
        "a mi primo de 12 lo tienen cargando mineral",
        "tengo guardado el campeón para esta noche",
        "tengo miedo porque él vuelve a las 8",
        # voice-to-text splits "golpeó"
        "mi cuñado gol peó a mi hermana",
        # the boxing idiom is of the boxer ("lo trompean en cada pelea"), not of the writer
        "mis cuñados me trompean en cada pelea",
        "el entrenador hace que las chicas se cambien delante de él",
        "el tutor la hace quedar después de clase",
        "ya compré las pastillas, perdónenme por lo que voy a hacer",
        "mi hija salió de Ilave a Juliaca y nunca llegó",
        "no lleva a su hijo a la posta aunque tiene fiebre",
        "pa q sigo si nadie me quiere",
        "se me perdió mi hijita en el mercado",
        "mi abuelo dice que no vale la pena seguir viviendo",
        # the village fair is where harm happens, not a frame like "una feria informativa"
        "en la feria de Juli un señor está pegando a su esposa",
    ],
)
def test_harm_without_the_usual_words(engine: Engine, text: str) -> None:
    # read by a phrase of harm.yaml, not only suspected by the model
    assert engine.understand(text).harm in ("now", "ongoing")


def test_a_question_about_a_service_keeps_the_emergency_card(engine: Engine) -> None:
    query = engine.understand(
        "mi esposo llega a la casa borracho y me pega, el CEM me puede ayudar?"
    )
    assert query.intent == "emergency"
    # a child abused sexually: the emergency card, whatever service is asked about
    text = "¿en qué horario atiende la DEMUNA? mi alumna dice que su padrastro se mete a su cama"
    assert engine.understand(text).intent == "emergency"
    # the writer is the child ("tengo 14 años"): the same
    text = "tengo 14 años, mi padrastro entra a mi cuarto y me toca, puedo llamar a la linea 100?"
    assert engine.understand(text).intent == "emergency"
    # told by a worker: the child's case, referred, never only the answer about the service
    text = (
        "trabajo en la DEMUNA de Juli, ¿qué hace el CEM? "
        "una niña dice que su padrastro se mete a su cama"
    )
    assert engine.understand(text).intent in ("emergency", "referral")


@pytest.mark.parametrize(
    "text",
    [
        "para mi tarea: cuántos casos de violación atendió el CEM en 2022",
        "vi una película donde el esposo golpeaba a su esposa, ¿qué es la Línea 100?",
        "vamos a dar una charla sobre maltrato infantil, qué hace la DEMUNA",
        "me toca pagar la luz mañana",
        "si no apruebo mi papá me va a hacer pagar la matrícula",
        "en el free fire me secuestraron la cuenta y piden rescate en diamantes",
        "¿qué significa sextorsión? salió en tutoría",
        "para qué sigo si no me alcanza la plata estudiando",
        "se me perdió mi DNI en la feria, no aparece",
        "me van a matar a preguntas en la exposición, ¿cuántas UPE hay en Puno?",
        "me tocó la Unidad de Protección Especial en la exposición, ¿dónde queda?",
        "el banco me está ahorcando con las cuotas, ¿el MIMP da préstamos?",
        "le maté la reina a mi rival en el ajedrez, ¿el CEDIF tiene talleres?",
        "la granizada golpeó las chacras, ¿el MIMP da ayuda?",
        "los chicos juegan a los secuestradores en el parque",
        "me voy a matar estudiando para el examen",
        "mi amiga la mató en el concurso de diablada",
        "casi me muero de miedo con la leyenda del kharisiri",
        # look-alikes of phrases of harm.yaml
        "dicen que la tienen en el hospital de Juliaca",
        "la gripe me agarra feo",
        "el huayco nos dejó sin nada",
        "mi hijo tiene la cara hinchada por la muela",
        "mi moto la tienen retenida en el depósito",
        "¿cuándo cobra su bono mi abuelita de pensión 65?",
        "me voy a Lima a trabajar, ya no me van a ver por aquí",
        "a mi primo le toca cocinar hoy",
        # a thing that "kills": a joke, the spicy food, homework
        "ese chiste me mató jajaja, ya, ¿qué es la OREDIS?",
        "¡ayuda con mi tarea! qué es un CAR, sale en un texto sobre niños maltratados",
        "la tarea de química me está matando xd",
        "mi equipo nos mató 3-0 en el clásico jaja, ¿cuántas DEMUNA hay en Azángaro?",
        "el banco casi la mata de cólera a mi mamá, ¿dónde renuevo su DNI?",
        "la helada está matando a las alpacas en Corani",
        "casi nos agarramos a golpes en la asamblea por el lindero, nadie salió herido",
        "me robaron el celular en la feria pero no me hizo daño, ¿dónde denuncio?",
        "auxiliar jurisdiccional: qué es el acogimiento familiar",
        # a sermon, a note read, a kind of case asked by whoever attends
        "en la misa el padre dijo que no hay que castigar a los hijos con chicote",
        "lo leí en una nota sobre una bebé abandonada, ¿qué es la desprotección familiar?",
        "CIAM de Ayaviri: para los casos de adultos mayores abandonados, ¿el Mi60+ va a la casa?",
        "para los casos de adultos mayores maltratados o abandonados por sus hijos, ¿el Mi60+ va?",
        "estoy preparando la prédica del culto sobre el maltrato, ¿cuántas llamadas hubo?",
        "soy auxiliar de educación en Puno, ¿cuántas DEMUNA hay en la provincia?",
        "la helada está matando a las crías en Macusani, ¿hay CIAM en Carabaya?",
    ],
)
def test_violence_words_without_a_case_are_not_emergencies(engine: Engine, text: str) -> None:
    assert engine.understand(text).intent != "emergency"


# -- every rule fires -----------------------------------------------------------------------

RULE_EXAMPLES: dict[str, tuple[str, Context | None]] = {
    "gate:harm_now": ("mi esposo me amenaza con matarme", None),
    "gate:harm_by_writer": ("le grite y le pegue a mi hija, me siento culpable", None),
    "gate:harm_case": ("hay un adulto mayor abandonado en Cupi, ¿quién se encarga?", None),
    "gate:harm_ongoing": ("mi pareja me pega", None),
    "gate:case_question": ("mi pareja me pega siempre, ¿el CEM atiende sábados?", None),
    "gate:elsewhere": ("en arequipa también hay cem?", None),
    "gate:other_emergency": ("se está quemando el mercado de Ilave, llamen a los bomberos", None),
    "gate:more": ("más información", Context(intent="locate", services=("cem",), more="…")),
    "gate:case_follow_up": (
        "¿a dónde la llevo?",
        Context(intent="emergency", situation="violencia"),
    ),
    "gate:case_practical": (
        "¿y es gratis?",
        Context(intent="emergency", situation="violencia", services=("linea_100",), harm="now"),
    ),
    "gate:case_place": ("estoy en Juliaca", Context(intent="emergency", situation="violencia")),
    "gate:follow_up": ("¿y en Lampa?", Context(intent="locate", services=("cem",))),
    "gate:harm_not_unknown": ("hace años mi esposo me pegaba, ahora vivo en Tacna", None),
    "gate:model_harm": ("le bañan al bebé con agua helada", None),
    "gate:model_referral": (
        "en el colegio sus compañeros le pegan a mi hijo, ya lo cambié, dónde lo orientan",
        None,
    ),
    "gate:model_case": ("la wawa de mi vecina siempre esta en la calle de noche", None),
    "gate:model_told_case": (
        "ya me sali de la casa con mis 3 hijos por violencia, estoy donde mi hermana en Ilave "
        "pero no puedo quedarme, hay albergue?",
        None,
    ),
    "gate:practical": ("hablo aymara, ¿me van a entender?", None),
    "score:locate": ("dnd hay demuna x ilave", None),
    "score:describe": ("que es el cem", None),
    "score:stats": ("llamadas a la linea 100 en enero 2023", None),
    "score:overview": ("que servicios hay en Huancane", None),
    "score:referral": ("el papá de mi hijo no le pasa alimentos, a dónde voy en Ilave", None),
    "score:greeting": ("allillanchu buenas tardes", None),
    "score:help": ("q puedes hacer tu", None),
    "score:unknown": ("como saco mi dni", None),
}


def test_every_rule_has_an_example() -> None:
    assert set(RULE_EXAMPLES) == set(RULES)


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_fires(engine: Engine, rule: str) -> None:
    text, context = RULE_EXAMPLES[rule]
    assert engine.understand(text, context).rule == rule


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("soy de Moho pero vivo en Puno, me pegaban de chica, dónde hay psicólogo", "puno"),
        ("me pasó en Taraco hace años, ahora estoy en Juliaca, quiero un abogado", "san_roman"),
        # the writer's home is not the case's place when the case is someone else's
        ("mi sobrina vive en Ilave y su papá la maltrata, yo vivo en Juliaca", "el_collao"),
        (
            "me golpeaba en Moho, hace un mes me escapé con mis hijos a Ilave, dónde denuncio",
            "el_collao",
        ),
        # "pega a mí y a mis hijos" is done to the writer: her home is the case's place
        ("soy de Juli pero vivo en Ilave, mi esposo pega a mi y a mis hijos", "el_collao"),
        ("soy de Lampa pero ahora vivo en Juliaca, mi pareja golpea a mi y a mi bebe", "san_roman"),
        # "mi hermano se queda con su pensión" is done to the father, not to the writer
        (
            "vivo en Juliaca pero mi papá de 77 sigue en su casita en Huatasani, mi hermano"
            " le cobra su pensión y se queda con todo",
            "huancane",
        ),
    ],
)
def test_the_place_where_the_person_is_now(engine: Engine, text: str, province: str) -> None:
    assert _province_read(engine, text) == province


def _province_read(engine: Engine, text: str) -> str:
    place = engine.understanding.read(text).place
    assert place is not None
    kb = engine.kb
    return place.key if place.kind == "province" else kb.districts[place.key].province


def test_the_writers_home_when_the_writer_is_harmed_after_others(engine: Engine) -> None:
    text = (
        "trabajo en Juliaca pero vivo en Cabana, el papá de mis hijos pega a mis hijos y a mí"
        " cuando toma"
    )
    place = engine.understanding.read(text).place
    assert place is not None and place.name == "Cabana"


def test_a_town_outside_is_not_its_namesake_centro_poblado(engine: Engine) -> None:
    assert (
        engine.understand("cuántas víctimas atendió el CEM de Sicuani en 2022").intent == "unknown"
    )


def test_a_place_that_is_a_word_needs_a_place_word(engine: Engine) -> None:
    assert engine.understanding.read("mi pareja me golpea cuando chupa").place is None
    place = engine.understanding.read("vivo en Chupa, hay CIAM?").place
    assert place is not None and place.name == "Chupa"
    # the plural is the word: "sus cabañas" is no Cabana, "en Cabana" is
    assert engine.understanding.read("viven solos en sus cabañas del campo").place is None
    place = engine.understanding.read("los abuelos de Cabana viven solos").place
    assert place is not None and place.name == "Cabana"


def test_the_writers_office_is_not_the_place_when_the_department_is_asked(
    engine: Engine,
) -> None:
    text = "laboro en la beneficencia de Ayaviri, cuantas beneficencias hay en todo Puno"
    place = engine.understanding.read(text).place
    assert place is not None and place.kind == "department"


def test_a_place_with_a_quechua_or_aymara_ending_is_the_place(engine: Engine) -> None:
    for text, province in (("sapallay kashani Macusanipi", "carabaya"), ("Ilaveru", "el_collao")):
        place = engine.understanding.read(text).place
        assert place is not None and engine.kb.districts[place.key].province == province
    assert engine.understanding.read("la semana pasada").place is None


def test_all_of_puno_is_the_department(engine: Engine) -> None:
    place = engine.understanding.read("cuántas beneficencias hay en todo Puno").place
    assert place is not None and place.kind == "department"


# -- places below the district ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "district", "province"),
    [
        ("vivo en Uros Chulluni", "210101", "puno"),
        ("soy de La Rinconada", "211002", "san_antonio_de_putina"),
        ("en la comunidad de Copani", "211303", "yunguyo"),
        ("somos de Vilque", "210115", "puno"),
        ("estoy en Caracoto", "211104", "san_roman"),
        ("vivo en Salcedo", "210101", "puno"),
        ("en Llavini", "210101", "puno"),
        ("en la urbanización 20 de Enero", "211101", "san_roman"),
        ("en Chijnaya", "210708", "lampa"),
        # a barrio whose name is also a stopword (never corrected) is still a place
        ("en el barrio Huajsapata", "210101", "puno"),
        # a market announces the place it is named after
        ("en el mercado Unión y Dignidad", "210101", "puno"),
        ("vendo en el mercado manco capac", "211101", "san_roman"),
    ],
)
def test_centros_poblados_and_barrios(
    engine: Engine, text: str, district: str, province: str
) -> None:
    query = engine.understand(f"hay cem {text}")
    assert query.place is not None
    assert (query.place.key, engine.kb.districts[query.place.key].province) == (district, province)


def test_a_shared_name_is_resolved_by_the_province_named(engine: Engine) -> None:
    alone = engine.understand("hay cem en la comunidad de Rinconada")
    assert alone.alternatives  # seven districts have a Rinconada
    chosen = engine.understand("hay cem en la comunidad de Rinconada, provincia de Puno")
    assert chosen.place is not None and chosen.place.key == "210102"  # Acora


def test_ordinary_words_are_not_places(engine: Engine) -> None:
    query = engine.understand("trabajo en la posta de la muni, hay cem")
    assert query.place is None


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😢😢😢", "🙏", "a" * 4096, "cem " * 1024, "\u200b\u200b", "сем ΑΥΥΔΑ", "\x00\x01"],
)
def test_bad_input_is_answered(engine: Engine, text: str) -> None:
    answer = engine.reply(text)
    assert answer.text.strip()


def test_invisible_and_look_alike_characters() -> None:
    assert normalize("c\u200bem en juli\u00adaca") == "cem en juliaca"
    assert normalize("сем") == "cem"  # Cyrillic letters that look Latin


def test_suicidal_thoughts_get_the_mental_health_line(engine: Engine) -> None:
    answer = engine.reply("ya no quiero vivir, me quiero morir")
    lines = answer.text.splitlines()
    assert answer.intent == "emergency" and "100" in lines[1]
    assert any("113" in line for line in lines[:4])
    assert not any("113" in line for line in engine.reply("mi pareja me pega").text.splitlines())


def test_ask_piped_into_head_ends_quietly() -> None:
    import subprocess
    import sys

    questions = "\n".join(["hay cem en juliaca"] * 200)
    shell = f"{sys.executable} -m bot ask - | head -1"
    done = subprocess.run(shell, shell=True, input=questions, capture_output=True, text=True)
    assert done.returncode == 0
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_spanish_words_that_look_english_do_not_make_a_message_english(engine: Engine) -> None:
    text = "mi esposo me pega y me insulta, me dicen que vaya al CEM, he pensado ir"
    assert not engine.understanding.read(text).english


def test_a_message_in_english_gets_an_english_line(engine: Engine) -> None:
    answer = engine.reply("my husband hits me, where can I get help in Puno?")
    lines = answer.text.splitlines()
    assert answer.intent == "emergency" and "100" in lines[1]
    assert any("If you are in danger" in line for line in lines[:4])
    assert "If you" not in engine.reply("mi esposo me pega").text


def test_harm_told_earlier_keeps_linea_100_first(engine: Engine) -> None:
    first = engine.reply("mi hermana vive en sandia y su esposo la amenaza con matarla")
    later = engine.reply("el cem atiende de noche?", first.context)
    assert later.harm == "earlier"
    assert any("100" in line for line in later.text.splitlines()[:3])
    calm = engine.reply("el cem atiende de noche?")
    assert calm.harm == ""


def test_every_fixed_suggestion_is_understood(engine: Engine, kb: Knowledge) -> None:
    """A button's query is a question the bot understands ("Emergencia" is an emergency);
    "más información" is understood only after an answer with more to show."""
    for name, suggestion in vars(kb.responses.suggestions).items():
        query = getattr(suggestion, "query", "")
        if name == "more" or not query or "{" in query:
            continue
        assert engine.understand(query).intent != "unknown", name
    assert engine.understand("es una emergencia").intent == "emergency"


def test_more_after_an_emergency_keeps_linea_100_first(engine: Engine) -> None:
    first = engine.reply("mi esposo me pega todos los días")
    more = engine.reply("más información", first.context)
    assert "100" in "\n".join(more.text.splitlines()[:3])


def test_harm_the_model_decided_on_is_remembered(engine: Engine) -> None:
    first = engine.reply("ayer mi tío tocó a mi hija")
    assert first.rule in ("gate:model_harm", "gate:harm_now", "gate:harm_ongoing")
    after = engine.reply("¿a dónde la llevo?", first.context)
    assert after.intent == "referral"
    assert "100" in "\n".join(after.text.splitlines()[:3])


def test_strong_harm_is_a_case_whatever_else_is_named(engine: Engine, kb: Knowledge) -> None:
    # the model reads harm (a father who gives nothing), no phrase does; "el colegio" is out
    # of scope, yet it is the girl's case
    text = "el colegio no quiere matricular a mi hija porque su papa no firma, y el no da nada"
    assert engine.understand(text).rule == "gate:model_case"
    off = Engine(replace(kb, model_case_gate=1.0))
    assert off.understand(text).intent == "unknown"


def test_emotional_blackmail_is_a_case_to_refer_not_a_kidnapping(engine: Engine) -> None:
    text = "mi esposo me hace chantaje emocional, dice que se va a ir si salgo con mis amigas"
    assert engine.understand(text).intent == "referral"
    assert engine.understand("me estan chantajeando con unas fotos mias").intent == "emergency"


def test_a_threat_said_laughing_is_referred_not_an_emergency(engine: Engine) -> None:
    joke = engine.reply("mi cunada me va a matar cuando vea su olla quemada jaja")
    assert joke.intent == "referral" and "100" in joke.text.splitlines()[0]
    asked = engine.reply("mi jefe me va a matar si llego tarde jaja, la demuna atiende sabados?")
    assert asked.intent == "describe"
    # laughter lowers only threats; without it a threat is an emergency; a boss who "kills"
    # for being late is an idiom (harm.yaml idioms, red team 60), a partner never
    assert engine.understand("mi esposo me pega y dice que me va a matar jaja").intent == (
        "emergency"
    )
    assert engine.understand("mi esposo me va a matar si llego tarde").intent == "emergency"
    assert engine.understand("mi jefe me va a matar si llego tarde").intent != "emergency"


def test_the_small_words_of_the_grammar_are_data(tmp_path: Path, engine: Engine) -> None:
    """lexicon.yaml ``grammar``: without "todo" among the place levels, "en todo Puno" is the
    province, no longer the department."""
    question = "cuantos cem hay en todo puno"
    assert engine.understand(question).place == Place("department", "puno", "Puno")
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    path = target / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    line = '    todo: department  # "en todo Puno": el departamento\n'
    assert line in text
    path.write_text(text.replace(line, "", 1), encoding="utf-8")
    changed = Engine(load_knowledge(target)).understand(question)
    assert changed.place == Place("province", "puno", "Puno")


@pytest.mark.parametrize(
    "text",
    [
        "cuando tenía 9 años me pegaban y me escapé, ahora tengo 30 y estoy bien",
        "mi ex me golpeaba pero ahora vivo con mis papás y ya no se acerca",
        "su esposo la golpeó anoche, la señora está ahora en casa de su hermana",
        "el padrastro la violó, ya está en el penal",
        "mi sobrina desapareció el sábado pero ya apareció ayer, estaba donde su tía",
        "a los 14 fui víctima de violación, ya se cerró el caso",
        "de niño mis papás me abandonaron, ahora tengo 25 y estoy bien",
    ],
)
def test_harm_told_as_over_is_past(engine: Engine, text: str) -> None:
    # an escape told is a fact of the story, not a fear that lasts (harm.yaml "huida")
    assert engine.understand(text).harm == "past"


def test_fear_of_a_procedure_is_no_harm(engine: Engine) -> None:
    query = engine.understand("queremos adoptar pero nos da miedo caer en algo ilegal")
    assert query.harm in ("", "suspected")
    assert query.intent != "emergency"


def test_a_cue_in_a_sentence_that_only_tells_counts_less(engine: Engine) -> None:
    # "hay un CEDIF" tells; "¿qué hace?" asks
    query = engine.understand("Leí que en Juli hay un CEDIF. ¿Qué hace exactamente?")
    assert query.intent == "describe"
    assert engine.understanding.read("¿Hay un CEDIF en Juli?").asks_sites


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Estudio en la UNA Puno. ¿Cuántos CEM hay en El Collao?", "el_collao"),
        # the department's own name alone may be the whole department: the writer's place stays
        ("Soy de Ilave. ¿Ya funciona Juguemos en Puno?", "el_collao"),
        ("Vivo en Sandia, ¿hay CEM ahí o tengo que ir hasta Juliaca?", "sandia"),
        # "mi provincia" said before the question does not point the question back
        (
            "Estudio en la UNA Puno. Hago mi tesis sobre las DEMUNA de mi provincia. "
            "¿Cuántas hay en la provincia de Azángaro?",
            "azangaro",
        ),
        # where the harmed person is from, said beside her, beats the writer's workplace
        ("soy enfermera en Juliaca, atendí a una abuelita de Mañazo, su nuera la empuja", "puno"),
    ],
)
def test_the_place_a_question_asks_about(engine: Engine, text: str, province: str) -> None:
    assert _province_read(engine, text) == province


def test_a_tie_of_scores_goes_to_the_intent_the_model_prefers_then_to_the_table(
    kb: Knowledge,
) -> None:
    tied = {"locate": 6.1, "overview": 6.1000001, "describe": 3.0}
    table_first = min(("locate", "overview"), key=[r.id for r in kb.intents].index)
    assert best(kb.intents, tied) == table_first
    for preferred in ("locate", "overview"):
        opinion = Opinion({preferred: 0.9}, 0.0, 0.5)
        assert best(kb.intents, tied, opinion) == preferred
    # the model does not overturn a clear difference
    assert (
        best(kb.intents, {"locate": 6.5, "overview": 6.1}, Opinion({"overview": 1.0}, 0, 0.5))
        == "locate"
    )


def test_a_person_named_only_inside_an_uncovered_subject_makes_no_case(engine: Engine) -> None:
    # "pensión 65" names an older adult, but the question is about the programme
    calm = engine.understand("donde cobro la pension 65 en azangaro, ya me toca")
    assert calm.intent == "unknown"
    # an older adult named beside it still is one
    assert "adulto_mayor" in engine.understanding.read("mi abuelita no cobra su pension 65").victims


def test_thanks_that_ask_nothing_are_a_greeting(engine: Engine) -> None:
    thanks = "ya la DEMUNA resolvio lo de la tenencia de mi hijo. solo queria agradecer 🙏"
    assert engine.understand(thanks).intent == "greeting"
    # thanks and a question: the question is answered
    assert engine.understand("gracias! y donde queda la DEMUNA de Ilave?").intent == "locate"


def test_an_andean_ending_marks_someone_in_particular(engine: Engine) -> None:
    # Aymara -xa: the grandfather spoken of, abandoned (low-level harm counts for him)
    aymara = engine.understanding.read("achachilaxa jaytatawa, wawanakapax janiw jupar uñjapkiti")
    assert aymara.harm.present and aymara.harm.specific
    # without a mark, abandonment said in general is no one's case
    assert not engine.understanding.read("hay muchos ancianos abandonados en Puno").harm.present
