"""Review of round 30b (development sets 49 and 50, the ranked places of review 30): the harm
that the round's new idioms hid ("me cortó con el cuchillo", a kick "después del partido", a
door "de golpe", a drum "y a mi mamá", party photos "donde me cambiaba"), "me toca a" narrowed
too far ("el profe me toca a cada rato"), the pills read in an older adult's daily medicine
("tomo varias pastillas al día"), a rehearsal read as an essay ("su ensayo de caporales"), a
turn to play that hid a cousin's touching ("me tocaba jugando"); the calm near variants the
idioms cover; the places of the ranked residence rules; and follow-ups after a case ("otra
cosa, …", a short practical question) or after a question ("y eso q cosa es")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.engine import Engine
from bot.core.model import Answer
from bot.evaluate import harm_problems


@pytest.mark.parametrize(
    "text",
    [
        # score idiom
        "mi esposo me mato a golpes casi",
        "casi me mata a golpes mi conviviente anoche, estoy sangrando",
        "me bailaron 5 x 1 a la salida del colegio, me dejaron sangrando",
        "mi esposo me aplasto contra la pared y me ahorco",
        # bout idiom
        "el boxeador de mi esposo me dio una paliza",
        "mi esposo es boxeador y me noqueo de un golpe",
        "mi pareja me noqueo al primer golpe y quede tirada en el piso",
        # lona idiom
        "mi esposo me dejo tirada en la lona del mercado sangrando",
        "a mi tio lo dejaron tirado en la lona de su puesto despues de golpearlo",
        # kick idiom
        (
            "despues del partido le dieron una patada en la cabeza a mi hijo los de la barra y "
            "esta inconsciente"
        ),
        "al salir del partido mi esposo me dio una patada en la barriga",
        "despues del fulbito le metieron una patada a mi hermano entre 3 y le robaron",
        ("despues del clasico le metieron una patada a mi esposo entre 4 borrachos y esta grave"),
        "saliendo del partido me tiraron una patada y me jalaron del pelo",
        # paliza idiom
        "tremenda paliza le dio mi papa a mi hermano por perder el partido",
        "una paliza le dieron los del colegio a mi hijo, llego todo morado",
        "mi conviviente es del club de box y le dio una paliza a mi hija",
        # matar el partido
        "dice q me va a matar el sabado despues del partido",
        # animal idiom
        "mi esposo mato a mi perro y dice q yo sigo",
        "mi esposo mato a las ovejas de mi mama y dijo q a mi tambien me va a matar",
        "mi papa degollo a la gallina delante de mi y dijo q asi me va a hacer a mi",
        "mato un cuy y con el mismo cuchillo me amenazo a mi",
        # charqui idiom
        "mi papa me golpeo con piedra",
        "mi esposo me golpeo con el martillo de machucar charqui",
        "mi papa me golpeo la cara con piedra",
        "mi suegra golpea a mi hijo con piedra cuando no le hace caso",
        "golpeo el charqui con piedra y despues me golpeo a mi con la misma piedra",
        # eggs idiom
        "mi esposo me bate a golpes cuando toma",
        # knife idiom
        "mi pareja me corto con el cuchillo",
        "mi esposo me corto con un cuchillo en el brazo",
        "mi hija se corta con cuchillo los brazos, ayuda",
        "mi hijo de 14 se corta con el cuchillo en su cuarto",
        "me corto con cuchillo cuando estoy triste, ya no aguanto",
        "mi mama me pica con el cuchillo cuando se enoja",
        "mi conviviente me amenaza con el cuchillo de la cocina",
        "mi hermana se corta con un cuchillo y esconde sus brazos",
        "el me corta con cuchillo si no le obedezco",
        # cut idiom
        ("mi esposo me corto el dedo con el cuchillo pelando papa porque no le servi rapido"),
        "me corte las munecas anoche, ya no quiero vivir",
        "me corte el brazo a proposito otra vez, no se q hacer",
        # vaccine idiom
        (
            "mi bebe tiene moretones en el brazo y no fue por la vacuna, su papa lo agarra "
            "fuerte y lo sacude"
        ),
        (
            "la niña tiene moreton en el brazo por la inyeccion dice su mama pero yo vi q su "
            "padrastro la golpea"
        ),
        "mi hijo tiene moretones en la pierna, dice q su profesor le pega",
        # door idiom
        "mi papa abrio la puerta de golpe le pego a mi mama",
        "mi esposo tiro la puerta de golpe me pego en la cara",
        "mi esposo cerro la puerta de golpe y me pego con la correa",
        "me empujo contra la puerta y me golpeo la cabeza",
        "entro borracho, la puerta de golpe nos pego a mis hijos y a mi con el palo",
        # drought idiom
        "mi esposo nos esta matando de hambre, no nos da nada",
        # info idiom
        "me mato con tanta fuerza q me desmaye, mi pareja",
        # drum idiom
        "mi papa le pega al bombo y despues le pega a mi mama",
        "cuando se emborracha le pega al bombo y a mi mama tambien",
        "le pega a mi hermanito con el palo del bombo",
        # drag idiom
        "me arrastro del pelo a la casa",
        "mi esposo me arrastro a la fiesta jalandome del pelo y alli me golpeo",
        "mi ex me arrastro a la fuerza a su cuarto",
        "me arrastraron a la fiesta y me violaron",
        "mi pareja me arrastra a la tienda a golpes",
        "me arrastro a la reunion jalandome del brazo y me dejo moretones",
        # hide-and-seek idiom
        "mi primo me tocaba jugando a las escondidas",
        "jugando a las escondidas mi tio me metio la mano debajo de la falda",
        "el vecino se llevo a mi hija jugando a las escondidas y no aparece",
        # wedding idiom
        "con la costumbre de robar a la novia se llevaron a mi hija de 14 a la fuerza",
        (
            "dicen q es costumbre de raptar a la novia pero mi sobrina de 15 no queria y la "
            "tienen encerrada"
        ),
        # photos idiom
        "mi ex amenaza con publicar las fotos de la fiesta donde estoy sin ropa",
        "amenazan con publicar las fotos de la promo si no pago, son fotos intimas",
        ("un chico va a publicar las fotos de la fiesta donde estoy desnuda si no le mando mas"),
        "me dijo q va a publicar las fotos de la excursion donde me cambiaba",
        # diet idiom
        "mi mama me mata de hambre, no me da comida hace dias",
        ("mi esposo nos quiere matar de hambre con su dieta, no nos da plata pa comer y nos pega"),
        # knees idiom
        ("tengo moretones en las piernas de tanto caerme dice mi esposo pero el me empuja"),
        (
            "mi hija tiene moretones en los brazos, dice q de tanto jugar pero su padrastro la "
            "golpea"
        ),
        # me toca a
        "mi tio me toca a escondidas",
        "el profe me toca a cada rato y me da miedo",
        "mi jefe me toca a cada rato en el almacen",
        "mi vecino me toca a la fuerza cuando paso por su casa",
        "un señor me toca a diario en la combi",
        "mi papa me toca a veces cuando mi mama no esta",
        "mi tio me toca a mi y a mi prima",
        "mi padrastro me toca a solas en la noche",
        "el chofer me toca a proposito cuando subo",
        "mi hermanastro me toca a oscuras cuando todos duermen",
        "me toca a la fuerza mi padrino",
        # pills
        "mi compañera se tomo un monton de pastillas",
        "mi hermano se tomo una tira de pastillas y no despierta",
        "me tome toda la caja de pastillas ayuda",
        "mi hija se tomo varias pastillas de su abuela y esta mareada",
        "se tomo todas las pastillas de mi mama porque su enamorado la dejo",
        "mi amiga se tomo muchas pastillas ayer, esta en la posta",
        "me tome muchas pastillas para dormir y ya no quiero despertar",
        "mi hijo se ha tomado un frasco de pastillas",
        "mi prima tomo un monton de pastillas xq la dejaron",
        # not heard of
        "nuestra amiga fue a una fiesta el viernes y desde ahi no sabemos nada",
        "desde el sabado no sabemos nada de mi hermana, su celular esta apagado",
        # not back
        "mi hija no llego a su cuarto anoche",
        "mi hijo de 15 no regreso a su casa desde el lunes",
        # not heard of
        "desde anoche no se sabe nada de la chica de 16",
        # not back
        "mi sobrina no volvio a su pension desde el viernes y su celular esta apagado",
        # ensayo frame
        "despues del ensayo de la morenada mi pareja me jalo del cabello y me pego",
        "en mi ensayo de danza el profesor me toco las piernas",
        "su esposo la golpeo al salir de su ensayo de caporales",
        "al terminar el ensayo la jalo del cabello",
        "el profe de danza en el ensayo me manosea",
        "cuando vuelvo de mi ensayo mi papa me pega con la correa",
        "en nuestro ensayo de la diablada un señor me agarro y me toco",
        # pills/medication idiom
        "mi hija se tomo todas las pastillas para la presion de mi abuela",
        # ensayo frame
        "despues de mi ensayo vi que a mi amiga su enamorado la golpeaba",
        "al terminar nuestro ensayo su esposo la jalo del cabello",
        # drag idiom
        "mi esposo me arrastro a la fuerza a la fiesta de su familia",
        # photos idiom
        "me dijo q va a publicar las fotos del paseo donde estoy en ropa interior",
        # drum idiom
        "mi pareja le pega al cajon y a mis hijos cuando toma",
        # me toca a
        "mi papa me toca a cada rato las piernas",
        # pills
        "mi hermano se tomo un monton de pastillas para el dolor y no despierta",
        # knife idiom
        "mi esposo corta con cuchillo mi ropa y me amenaza",
        # door idiom
        "la puerta de golpe le pego mi papa a mi hermano, lo empujo",
        # kick idiom
        ("en la calle despues del partido nos tiraron una patada y nos robaron el celular"),
        # door idiom
        "la puerta se cerro de golpe y el me pego con la correa",
        "la puerta se cerro de golpe y el me pego en la cara",
        # pills
        "mi hija se tomo todas sus pastillas para dormir y no despierta",
        # door idiom
        "la puerta se cerro de golpe y el me pego en la cabeza",
        # bout idiom
        "mi pareja me noqueo de un puñete y me dejo en el piso",
        # hide-and-seek idiom
        "mi tio me tocaba jugando a la casita cuando era niña",
        # knife idiom
        "mi hija se corta con el cuchillo de cocina o con gillette",
        "mi papa se corta con cuchillo los brazos cuando toma",
        "mi hija se golpea con piedra o se corta con cuchillo, q hago",
        "me quiere cortar con el cuchillo grande o con el machete",
    ],
)
def test_harm_twins_of_the_round_idioms_are_read_and_start_with_linea_100(
    engine: Engine, text: str
) -> None:
    assert engine.understanding.read(text).harm.present
    answer = engine.reply(text)
    assert answer.intent != "unknown"
    assert not harm_problems(answer)


@pytest.mark.parametrize(
    "text",
    [
        # score idiom
        "nos golearon 4 a 0 en el campeonato de la escuela",
        "me mataron 3 x 1 en el fifa jaja",
        "los aplastamos 5 a 1 en la liga de puno",
        "nos mataron 2 por 0 en el voley del colegio",
        "les matamos 3 x 0 a los de ilave",
        # paliza idiom
        "q paliza les metio el binacional al alianza",
        "tremenda goleada nos dio el equipo de ilave",
        "la tunda q le dio mi colegio al otro en el intercolegial jaja",
        # bout idiom
        "lo noquearon en el tercer round",
        "la noqueo al primer asalto, q pelea",
        # lona idiom
        "quedo tirado en la lona en el segundo round jaja",
        # kick idiom
        "en el fulbito del sabado me metieron un planchazo",
        "en la pichanga le dieron una patada a mi hijo y se le hincho el tobillo",
        "en el partido del domingo me dieron una patada y ahora cojeo jaja",
        # matar el partido
        "el profe dijo q hay q matar el juego en el segundo tiempo",
        # animal idiom
        "mi abuelita mato una gallina pa la sopa",
        "vamos a degollar un cordero pal aniversario",
        "como se mata al cuy sin q sufra",
        "matamos un chancho para la fiesta patronal",
        "degollamos una oveja para la boda de mi prima",
        # eggs idiom
        "primero bato los huevos a golpes y luego la harina",
        # charqui idiom
        "golpeo el charqui con piedra pa hacer sarza",
        "hay q machucar la chalona con martillo?",
        "golpeamos el charque con piedra en el batan",
        # knife idiom
        "la cebolla se pica con cuchillo bien filudo",
        "corta con un cuchillo la papa en cuadraditos",
        "golpear el charqui con piedra o se corta con cuchillo?",
        "el queso se corta con cuchillo o con hilo?",
        # cut idiom
        "me corte un dedo picando cebolla jaja",
        # vaccine idiom
        "mi bebe tiene moreton en el muslo por la vacuna, es normal?",
        # door idiom
        "la pelota de golpe me pego en la cara en el voley",
        "la puerta se cerro de golpe y me pego en la nariz",
        # drought idiom
        "el granizo nos va a matar la cosecha",
        # info idiom
        "jaja me mataste con tanta informacion",
        "me matas con tus preguntas bot jaja",
        # drum idiom
        "el vecino le da al bombo desde temprano por la candelaria",
        # drag idiom
        "mi mama me arrastro a la misa del domingo jaja",
        # wedding idiom
        "en el matrimonio de mi primo hicieron la costumbre de robar a la novia jaja",
        "es tradicion de raptar a la novia en las bodas de juli?",
        # photos idiom
        "cuando van a publicar las fotos de la promo?",
        "queremos publicar las fotos de la graduacion en el face",
        # diet idiom
        "mi nutricionista me quiere matar de hambre con esa dieta jaja",
        # knees idiom
        "tengo raspones en las rodillas de tanto jugar fulbito",
        "moretones en los pies de tanto zapatear en la candelaria",
        # me toca a
        "la proxima semana me toca a mi exponer",
        "me toca a mi pagar la luz este mes",
        "manana me toca a mi hacer guardia en la posta",
        "es la primera vez q me toca a mi ser alferez",
        # pills
        "mi abuelito toma varias pastillas para la presion, hay ciam en juliaca?",
        "tomo muchas pastillas para la gastritis, donde hay posta?",
        "mi mama tomo varias pastillas pal dolor de cabeza y ya se le paso",
        "tomo varias pastillas al dia por la diabetes, el ciam me ayuda?",
        "mi abuelita tomo todas sus pastillas de la mañana como dijo el doctor",
        # not heard of
        "desde el lunes no sabemos nada del tramite de la pension 65",
        "desde ayer no se sabe nada de los resultados del examen de admision",
        "desde el viernes no sabemos nada del bono, a donde pregunto",
        # not back
        "el paquete no llego a su casa de mi tia, a quien reclamo",
        # ensayo frame
        "mi ensayo sobre el feminicidio es para manana",
        "tengo que hacer un ensayo argumentativo sobre la violencia familiar",
        ("despues del ensayo de la morenada tengo moretones en las rodillas de tanto arrodillarme"),
        "para mi ensayo sobre trata de personas cuantos casos hubo en puno?",
        "un ensayo acerca del acoso escolar, q servicios hay?",
        # animal idiom
        "mi papa mato los cuyes para la fiesta de mi hermana",
        # door idiom
        "el viento de golpe le pego la ventana en la mano a mi abuelita",
        # knife idiom
        "se pica con el cuchillo chico o con el grande la cebolla?",
        # ensayo frame
        "ensayo de la u: por q aumenta la violencia en las fiestas? hay datos",
        # knife idiom
        "hay q picar con cuchillo la cebolla o rallarla?",
        # pills
        "se tomo su pastilla para la presion y ya esta mejor",
        # knife idiom
        "la carne se corta con cuchillo filudo pa q salga fina",
        # door idiom
        "la puerta se cerro de golpe y me pego en la frente jaja",
        # bout idiom
        "lo noqueo de un golpe en el primer round, q pelea la de anoche",
        # me toca (turn)
        "cuando era chico siempre me tocaba jugar de arquero",
        # knife idiom
        "la papa se corta con cuchillo en rodajas pal cau cau?",
    ],
)
def test_calm_near_variants_of_the_round_idioms_are_not_harm(engine: Engine, text: str) -> None:
    assert not engine.understanding.read(text).harm.present
    assert engine.reply(text).intent != "emergency"


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (
            "vivimos en juliaca pero mi abuelita vive sola en muñani y no tiene que comer",
            "azangaro",
        ),
        (
            (
                "mi hija estudia en la una y alquila un cuarto en puno, su enamorado la "
                "golpea, nosotros vivimos en ilave"
            ),
            "puno",
        ),
        (
            "vivimos en ilave, mi hija alquila un cuartito en juliaca y su ex la amenaza",
            "san_roman",
        ),
        ("vivimos en lampa y mi cuñado maltrata a mi suegra que vive con nosotros", "lampa"),
        ("mi mama vive en azangaro y mi papa le pega, yo estudio en puno", "azangaro"),
        ("nos mudamos a ilave y mi vecina es golpeada por su esposo", "el_collao"),
        (
            (
                "mi abuelita esta en su chacra de pomata sola y la maltratan, nosotros vivimos "
                "en juliaca"
            ),
            "chucuito",
        ),
        ("vivo sola en un cuarto por juliaca y mi ex me persigue", "san_roman"),
        ("vivo sola en puno, mis papas viven en moho, mi ex me amenaza", "puno"),
        (
            (
                "alquilo un cuarto en puno, mi ex me sigue y me agarro del brazo. mis papas "
                "viven en moho"
            ),
            "puno",
        ),
        ("mi ex vive en juliaca y yo vivo sola en ilave, me amenaza por wsp", "el_collao"),
        ("vivimos en lampa, mi esposo me pega", "lampa"),
        ("mi esposo me pega, vivimos en azangaro", "azangaro"),
        ("soy de moho pero vivo sola en juliaca, mi enamorado me golpeo", "san_roman"),
        (
            "mi esposo vive en puno pero yo vivo en juliaca con mis hijos y me sigue amenazando",
            "san_roman",
        ),
        ("vivimos en juliaca con mi esposo, el me golpea, mi mama vive en ayaviri", "san_roman"),
        ("mi pareja me pega, vivimos en ilave pero mi familia es de juli", "el_collao"),
        ("vivia sola en puno y ahi me violo mi vecino", "puno"),
        ("mi hermano vive en juliaca, yo vivo en puno y mi pareja me insulta", "puno"),
        ("vivo sola en ayaviri, hay ciam?", "melgar"),
        ("mi abuelito vive solo en huancane, q servicios hay pa el", "huancane"),
        ("alquilo un cuarto en juliaca, donde hay un cem", "san_roman"),
        ("mi hija alquila un cuarto en puno, hay demuna cerca?", "puno"),
        ("vivimos en ilave, donde queda la demuna", "el_collao"),
        ("vivimos en juliaca pero mi mama vive sola en ayaviri y su pareja la golpea", "melgar"),
        ("vivo sola por azangaro, donde hay un cem", "azangaro"),
        ("mi ex vive en puno, yo alquilo un cuarto en juliaca y me sigue acosando", "san_roman"),
        ("mi enamorado vive en juliaca pero yo vivo sola en puno y me pego ayer", "puno"),
        (
            "mi hermana alquila un cuarto en yunguyo y su pareja la golpea, yo vivo en puno",
            "yunguyo",
        ),
        (
            "mi amiga vive sola en juliaca y su ex la amenaza de muerte, yo vivo en puno",
            "san_roman",
        ),
        ("ahora estamos en huancane, mi esposo me golpeo anoche, mi mama vive en puno", "huancane"),
        (
            (
                "mis papas viven en juliaca, yo vivo sola en lampa y mi pareja me controla el "
                "celular y me pega"
            ),
            "lampa",
        ),
        ("estoy en un cuarto en puno sola, mi ex vive en juliaca y me amenaza con matarme", "puno"),
    ],
)
def test_places_of_the_ranked_residence_rules(engine: Engine, text: str, province: str) -> None:
    assert engine.reply(text).province == province


@pytest.mark.parametrize(
    ("turns", "intents", "rule", "rule_not", "service", "province", "harm"),
    [
        (
            (
                "mi esposo me pega y me insulta todos los dias",
                "otra cosa, donde saco el dni de mi hijo?",
            ),
            ["locate", "describe", "unknown", "overview", "referral", "help"],
            None,
            "gate:case_follow_up",
            None,
            None,
            False,
        ),
        (
            (
                "mi esposo me pega y me insulta todos los dias",
                "otra pregunta, hay ciam en juliaca?",
            ),
            ["locate"],
            None,
            "gate:case_follow_up",
            "ciam",
            None,
            False,
        ),
        (
            ("mi papa me golpeo con piedra", "cambiando de tema, q es la upe?"),
            ["describe"],
            None,
            "gate:case_follow_up",
            "upe",
            None,
            False,
        ),
        (
            ("mi pareja me corto con el cuchillo", "otro tema, hay cem en ilave?"),
            ["locate"],
            None,
            "gate:case_follow_up",
            "cem",
            "el_collao",
            False,
        ),
        (
            ("mi tio me toca a escondidas", "aparte de eso, donde queda el ciam de puno?"),
            ["locate", "describe"],
            None,
            "gate:case_follow_up",
            "ciam",
            None,
            False,
        ),
        (
            (
                "mi hija no llego a su cuarto anoche",
                "otra consulta, como saco mi partida de nacimiento?",
            ),
            ["locate", "describe", "unknown", "overview", "referral", "help"],
            None,
            "gate:case_follow_up",
            None,
            None,
            False,
        ),
        (
            ("mi esposo me pega y me insulta todos los dias", "y es gratis?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("mi esposo me pega y me insulta todos los dias", "a q hora atienden?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("mi pareja me corto con el cuchillo", "y si no tengo plata pal pasaje?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("mi hija se tomo un monton de pastillas", "y la posta?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("mi tio me toca a escondidas", "y tengo q ir con mi mama?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("vivimos en lampa, mi esposo me pega", "y donde queda?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("mi papa abrio la puerta de golpe le pego a mi mama", "y la policia viene?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("desde el sabado no sabemos nada de mi hermana", "y donde denuncio?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("donde hay ciam en juliaca", "y eso q cosa es"),
            ["describe"],
            "gate:follow_up",
            None,
            "ciam",
            None,
            False,
        ),
        (
            ("q es el cem", "no le entendi"),
            ["describe"],
            "gate:follow_up",
            None,
            "cem",
            None,
            False,
        ),
        (
            ("q es la demuna", "mas facil porfa"),
            ["describe"],
            "gate:follow_up",
            None,
            "demuna",
            None,
            False,
        ),
        (
            ("la upe por donde esta", "q cosa es?"),
            ["describe"],
            "gate:follow_up",
            None,
            "upe",
            None,
            False,
        ),
        (
            ("q es oredis", "no le entiendo, mas sencillo"),
            ["describe"],
            "gate:follow_up",
            None,
            "oredis",
            None,
            False,
        ),
        (("hay cem en ilave?", "y en juli?"), ["locate"], None, None, "cem", "chucuito", False),
        (
            ("cuantos casos atendio el cem en 2022", "y en enero 2023 cuantos fueron?"),
            ["stats"],
            None,
            None,
            "cem",
            None,
            False,
        ),
        (
            ("q es el ciam", "entonces donde queda en puno?"),
            ["locate"],
            None,
            None,
            "ciam",
            None,
            False,
        ),
        (
            ("hay cem en juliaca", "tambien hay en lampa?"),
            ["locate"],
            None,
            None,
            "cem",
            "lampa",
            False,
        ),
        (
            ("donde hay demuna en juliaca", "ahora en puno cuantas hay?"),
            ["locate", "stats"],
            None,
            None,
            "demuna",
            "puno",
            False,
        ),
        (("hay cem en ilave?", "osea es gratis?"), ["describe"], None, None, "cem", None, False),
        (
            ("mi papa me golpeo con piedra", "q cosa es el cem?"),
            ["describe", "emergency", "referral"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("mi esposo me pega, me dijeron q vaya al cem", "no le entendi, q cosa es?"),
            ["describe", "emergency", "referral"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("mi esposo me pega", "vivo sola en ilave ahora"),
            ["emergency", "referral", "locate"],
            None,
            None,
            None,
            "el_collao",
            True,
        ),
        (
            (
                "vivimos en juliaca pero mi abuelita vive sola en muñani y no tiene que comer",
                "y hay ciam alla?",
            ),
            ["locate", "referral", "emergency", "describe"],
            None,
            None,
            "ciam",
            "azangaro",
            False,
        ),
        (
            (
                (
                    "mi hija alquila un cuarto en puno y su enamorado la golpea, nosotros "
                    "vivimos en ilave"
                ),
                "donde queda el cem?",
            ),
            ["locate", "referral", "emergency"],
            None,
            None,
            None,
            "puno",
            True,
        ),
        (
            ("vivo sola en puno y mi ex me amenaza", "otra cosa, cuantos cem hay en juliaca?"),
            ["locate"],
            None,
            "gate:case_follow_up",
            "cem",
            "san_roman",
            False,
        ),
        (
            ("me corte las munecas anoche, ya no quiero vivir", "y es gratis?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (("hay ciam en juliaca?", "e en lampa?"), ["locate"], None, None, "ciam", "lampa", False),
        (
            ("donde hay demuna en ilave", "q cosa son?"),
            ["describe"],
            "gate:follow_up",
            None,
            "demuna",
            None,
            False,
        ),
        (
            ("el profe me toca a cada rato y me da miedo", "a q hora atienden?"),
            ["emergency", "referral", "locate", "describe"],
            None,
            None,
            None,
            None,
            True,
        ),
        (
            ("nos golearon 4 a 0 en el campeonato jaja", "oye hay cem en ilave?"),
            ["locate"],
            None,
            None,
            "cem",
            "el_collao",
            False,
        ),
    ],
)
def test_follow_ups_after_a_case_or_a_question(
    talk: Callable[..., Answer],
    turns: tuple[str, ...],
    intents: list[str],
    rule: str | None,
    rule_not: str | None,
    service: str | None,
    province: str | None,
    harm: bool,
) -> None:
    answer = talk(*turns)
    assert answer.intent in intents
    if rule is not None:
        assert answer.rule == rule
    if rule_not is not None:
        assert answer.rule != rule_not
    if service is not None:
        assert answer.services[0] == service
    if province is not None:
        assert answer.province == province
    if harm:
        assert not harm_problems(answer)
