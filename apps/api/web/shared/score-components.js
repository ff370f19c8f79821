// How a score component counts towards the final score, as every page words it.

/** "权重 0.15" / "weight 0.15", or "加分，上限 50" / "bonus up to 50". */
export function componentShare(component) {
  return component.weight
    ? { zh: `权重 ${component.weight}`, en: `weight ${component.weight}` }
    : { zh: `加分，上限 ${component.bonusCap}`, en: `bonus up to ${component.bonusCap}` };
}

/** A component's name with how it counts: "初评（权重 0.15）" / "Preliminary round (weight 0.15)". */
export function componentTitle(component) {
  const share = componentShare(component);
  return { zh: `${component.labelZh}（${share.zh}）`, en: `${component.labelEn} (${share.en})` };
}
