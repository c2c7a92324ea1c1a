/** Messages of the record of processing screen (GDPR Art. 30), French, the reference shape. */
export const processingRecordFr = {
  menu: 'Traitements RGPD',
  title: 'Registre des traitements',
  intro:
    "Le registre des activités de traitement (article 30 du RGPD), établi à chaque consultation à partir de la configuration en service : il ne peut pas être en retard sur ce que fait Vigie.",
  load_failed: 'Impossible d’afficher le registre : %{message}',
  generated_at: 'Établi le %{date}',
  pdf_fr: 'PDF en français',
  pdf_en: 'PDF en anglais',
  in_language: 'Affiché en français ; le PDF se télécharge dans l’une ou l’autre langue.',
};
