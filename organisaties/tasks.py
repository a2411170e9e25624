"""Background tasks of the sociale kaart.

Run by the procrastinate worker (see netwerk/tasks.py); web requests only queue them.
"""

from procrastinate.contrib.django import app

from organisaties import bijwerken, federatie, geocoderen, postcodes, zoekindex
from organisaties.models import Regiobron


@app.task(queue=geocoderen.WACHTRIJ, name=geocoderen.TAAK)
def geocodeer_locatie(locatie_id):
    """Coordinates for one location from its address (PDOK Locatieserver)."""
    return geocoderen.geocodeer(locatie_id).value


@app.task(queue=postcodes.WACHTRIJ, name=postcodes.TAAK)
def zoek_postcode_op(postcode):
    """The centre of a postcode nobody imported, from PDOK, for distance search."""
    return postcodes.zoek_op_bij_pdok(postcode)


@app.periodic(cron="*/15 * * * *", periodic_id="geocoderen_opnieuw")
@app.task(queueing_lock="geocoderen_opnieuw", queue=geocoderen.WACHTRIJ)
def geocodeer_opnieuw(timestamp):
    """Try again the locations whose lookup failed, once their wait is over (back-off)."""
    return geocoderen.opnieuw_proberen()


@app.periodic(cron="15 9 * * *", periodic_id="controleverzoeken")
@app.task(queueing_lock="controleverzoeken")
def verstuur_controleverzoeken(timestamp):
    """Every morning: organisations due for their yearly check get their personal link.

    Safe to run twice at once: organisaties.bijwerken locks and skips rows, and records
    herinnering_verstuurd_op in the same transaction, so nobody is asked twice.
    """
    return bijwerken.verstuur_controleverzoeken()


@app.periodic(cron="50 3 * * *", periodic_id="zoekwoorden")
@app.task(queueing_lock="zoekwoorden")
def herbouw_zoekwoorden(timestamp):
    """Every night: the word list that typos in searches are corrected to, afresh from the
    published directory, so that words of archived organisations do not linger."""
    return zoekindex.herbouw_zoekwoorden()


@app.periodic(cron="40 * * * *", periodic_id="regiobronnen")
@app.task(queueing_lock="regiobronnen", queue="federatie")
def lees_regiobronnen(timestamp):
    """Every hour: the neighbours' feeds, only what changed; once a day everything (which
    also removes what they dropped). One feed that fails does not stop the others."""
    return federatie.lees_alle_bronnen()


@app.task(queueing_lock="regiobronnen", queue="federatie")
def lees_regiobron(bron_id, volledig=True):
    """One feed, now (the admin's "nu importeren"); shares the lock with the hourly run so that
    one feed is never read twice at the same time."""
    bron = Regiobron.objects.filter(pk=bron_id).first()
    if bron is None:
        return None
    return federatie.lees_bron(bron, volledig=volledig).aantallen
