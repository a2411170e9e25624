"""Counts per filter value for the current result, in one query.

Themes, doelgroepen and wijken narrow the result (an organisation must have all chosen values),
so their counts are taken over the current result: "this many remain if you also pick this".
Soort is one value per organisation and several chosen soorten widen the result, so its counts
are taken over the result without the soort filter.
"""

from dataclasses import dataclass, field

from django.db import connection

_SQL = """
WITH basis AS ({basis}),
resultaat AS ({resultaat})
SELECT 'totaal', 0, count(*) FROM resultaat
UNION ALL SELECT 'gratis', 0, count(*) FROM resultaat WHERE is_gratis
UNION ALL SELECT 'soort', soort_id, count(*) FROM basis GROUP BY soort_id
UNION ALL SELECT 'thema', t, count(*) FROM resultaat, unnest(facet_themas) t GROUP BY t
UNION ALL SELECT 'doelgroep', d, count(*) FROM resultaat, unnest(facet_doelgroepen) d GROUP BY d
UNION ALL SELECT 'wijk', w, count(*) FROM resultaat, unnest(facet_wijken) w GROUP BY w
"""
_KOLOMMEN = ("id", "soort_id", "facet_themas", "facet_doelgroepen", "facet_wijken", "is_gratis")


@dataclass
class Facetten:
    totaal: int = 0
    gratis: int = 0
    soort: dict = field(default_factory=dict)
    thema: dict = field(default_factory=dict)
    doelgroep: dict = field(default_factory=dict)
    wijk: dict = field(default_factory=dict)


def tel_facetten(resultaat, basis) -> Facetten:
    """``resultaat`` is the filtered queryset; ``basis`` the same without the soort filter."""
    basis_sql, basis_params = basis.order_by().values(*_KOLOMMEN).query.sql_with_params()
    resultaat_sql, resultaat_params = (
        resultaat.order_by().values(*_KOLOMMEN).query.sql_with_params()
    )
    facetten = Facetten()
    with connection.cursor() as cursor:
        cursor.execute(
            _SQL.format(basis=basis_sql, resultaat=resultaat_sql),
            [*basis_params, *resultaat_params],
        )
        for soort, waarde, aantal in cursor.fetchall():
            if soort in ("totaal", "gratis"):
                setattr(facetten, soort, aantal)
            else:
                getattr(facetten, soort)[waarde] = aantal
    return facetten
