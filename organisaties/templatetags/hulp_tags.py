"""The wijkteam on dead ends: see organisaties.wijkteam and components/wijkteam_hulp.html."""

from django import template

from organisaties import wijkteam

register = template.Library()


@register.inclusion_tag("components/wijkteam_hulp.html", takes_context=True)
def wijkteam_hulp(context):
    return {"hulp": wijkteam.hulp(context.get("site"))}
