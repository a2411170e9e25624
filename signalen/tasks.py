"""Background tasks of the signaalpunt: erasure after the retention period."""

from procrastinate.contrib.django import app

from signalen import services


@app.periodic(cron="45 3 * * *", periodic_id="signalen_wissen")
@app.task(queueing_lock="signalen_wissen")
def wis_verlopen_signalen(timestamp):
    """Text, notes and reporter of signals closed longer than the retention period go."""
    return services.wis_verlopen_signalen()
