# Les textes de la console en français, comme un commerçant marocain les écrit.

app-name = Console WedoCOD
welcome-title = Bienvenue dans la console WedoCOD
welcome-body = Consultez vos leads et vos commandes, préparez vos fichiers CSV hors ligne et envoyez-les en masse.
explore-demo = Découvrir avec des données de démo
explore-demo-hint = Une boutique de démo intégrée avec 320 leads et 220 commandes. Aucun compte nécessaire.
connect-store = Connecter une boutique WedoCOD
connect-store-hint = Utilisez le jeton API de votre tableau de bord WedoCOD (Paramètres → Clés API).
check-file-offline = Ou vérifier un fichier CSV hors ligne, sans boutique
starting-demo = Démarrage de la boutique de démo…
demo-failed = La boutique de démo n’a pas pu démarrer
demo-not-built = cette version de la console n’a pas de boutique de démo (compilée sans la fonction `demo`)
connect-title = Connecter une boutique WedoCOD
field-profile-name = Nom de la boutique (comme vous voulez la voir ici)
field-base-url = Adresse de l’API
field-prefix = Préfixe de chemin (facultatif, ex. /api/web/1.0)
field-dialect = Génération de l’API
field-token = Jeton API
token-help = Le jeton est gardé dans le trousseau de votre système, jamais dans un fichier.
connect = Connecter
connecting = Vérification du jeton…
back = Retour
name-required = Donnez un nom à cette boutique.
token-required = Collez le jeton API.
name-taken = Une boutique nommée « { $name } » existe déjà : choisissez un autre nom.
leads = Leads
orders = Commandes
search-placeholder = Rechercher référence, nom, téléphone, ville (Ctrl+F)
all-statuses = Tous les statuts
refresh = Actualiser
per-page = Par page
loading = Chargement…
first-page = « Première
previous-page = ‹ Précédente
next-page = Suivante ›
last-page = Dernière »
page-of = Page { $page } sur { $pages } · { $total } au total
no-records = Aucun résultat.
column-reference = Référence
column-customer = Client
column-phone = Téléphone
column-city = Ville
column-products = Produits
column-total = Total
column-status = Statut
column-created = Créé le
details = Détails
close = Fermer
history = Historique des statuts
no-history = Aucun changement de statut pour l’instant.
history-entry = { $old } → { $new } · { $by } · { $at }
selected-count = { $count ->
    [one] { $count } sélectionné
   *[other] { $count } sélectionnés
}
change-status-to = Changer le statut en…
apply = Appliquer
delete = Supprimer…
confirm-delete = Oui, supprimer
cancel = Annuler
confirm-delete-title = Supprimer définitivement ?
confirm-delete-body = { $count ->
    [one] { $count } enregistrement sera supprimé de votre boutique. Cette action est irréversible.
   *[other] { $count } enregistrements seront supprimés de votre boutique. Cette action est irréversible.
}
status-changed = { $count ->
    [one] Statut changé sur { $count } enregistrement (champs modifiés : { $fields }).
   *[other] Statut changé sur { $count } enregistrements (champs modifiés : { $fields }).
}
deleted = { $count ->
    [one] { $count } enregistrement supprimé.
   *[other] { $count } enregistrements supprimés.
}
export-button = Exporter…
export-hint = Tous les enregistrements que le filtre et la recherche sélectionnent, toutes les pages, vers Excel ou CSV (Ctrl+E)
export-title = { $count ->
    [one] Exporter { $count } enregistrement ?
   *[other] Exporter { $count } { $kind } ?
}
export-body = Tout ce que le filtre et la recherche actuels sélectionnent, toutes les pages, vers { $path } : { $estimate }.
export-start = Exporter
exporting = Export des { $kind } : page { $page } sur { $pages } · { $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}
export-waiting = Le serveur demande d’attendre : nouvel essai dans { $seconds } s
exported = Export terminé : { $rows } { $kind } dans { $path }.
export-count-changed = La boutique compte maintenant { $total } pour ce filtre : des enregistrements ont changé pendant l’export.
action-needs-scope = Votre jeton API ne le permet pas : il lui manque la permission « { $scope } ».
retry = Réessayer
dismiss = Fermer
replace-token = Remplacer le jeton
error-unauthenticated = La boutique n’a pas accepté le jeton API. Il a peut-être été révoqué ou mal saisi.
error-forbidden-scope = Il manque au jeton API la permission « { $scope } ». Créez un jeton qui l’a dans le tableau de bord WedoCOD.
error-forbidden = Le jeton API n’a pas le droit de faire ceci.
error-not-found = Introuvable, ou n’appartient pas à cette boutique.
error-validation = La boutique a refusé les données.
error-rate-limited = Trop de requêtes : nouvel essai automatique dans { $seconds } s.
error-server = Le serveur de la boutique a échoué (HTTP { $status }). Réessayez dans un instant.
error-unreachable = La boutique est injoignable. Vérifiez l’adresse et votre connexion.
error-tls = La connexion sécurisée a échoué (problème de certificat ou de TLS).
error-timeout = La boutique n’a pas répondu à temps.
error-interrupted = La connexion a été coupée avant la réponse.
error-undecodable = La réponse de la boutique est illisible (HTTP { $status }) : { $excerpt }
error-redirected = Le serveur a répondu HTTP { $status } et renvoyé la requête vers { $location }. Vérifiez l’adresse de l’API dans Boutiques : la console ne suit jamais une écriture vers une autre adresse.
error-unexpected = Réponse inattendue de la boutique (HTTP { $status }).
error-not-sent = Non envoyé
error-plain-http = http:// est refusé pour cette adresse : le jeton voyagerait en clair. Utilisez https://.
error-bad-url = Ce n’est pas une adresse web valide.
error-url-extras = Indiquez l’adresse de l’API seule (https://hôte/chemin), sans nom d’utilisateur, mot de passe, ?requête ni #fragment : le jeton a son propre champ.
stores = Boutiques
profiles-title = Vos boutiques
no-profiles = Aucune boutique pour l’instant.
add-store = Ajouter une boutique
active-profile = ouverte
open = Ouvrir
rename = Renommer
save = Enregistrer
token-ending = Jeton API se terminant par …{ $hint }
token-saved = Jeton API enregistré
delete-profile-title = Supprimer la boutique « { $name } » ?
delete-profile-body = Ses réglages et son jeton API sont retirés de cet ordinateur. Vos données chez WedoCOD ne sont pas touchées.
token-session-only = Le jeton n’est gardé que jusqu’à la fermeture de la console : { $reason }.
keyring-failed = Le jeton n’a pas pu être enregistré dans le trousseau : { $reason } Il n’est gardé que jusqu’à la fermeture de la console.
token-missing = Le jeton API de « { $name } » n’est pas enregistré sur cet ordinateur : collez-le à nouveau.
import = Importer
uploads-tab = Envois
import-hint = Ouvrez un fichier CSV ou un classeur de leads ou de commandes : tapez son chemin, choisissez-le avec Parcourir ou déposez-le sur la fenêtre. Tout ici fonctionne hors ligne.
path-placeholder = Chemin d’un fichier CSV ou d’un classeur
open-file = Ouvrir
browse = Parcourir…
reading-file = Lecture et vérification du fichier…
detected = détecté
encoding = Encodage
delimiter = Séparateur
encoding-unsure = (deviné : vérifiez les accents et les lettres arabes)
read-as = Lu en { $encoding }, séparateur { $delimiter }.
sheet = Feuille
read-sheet = { $count ->
    [one] Classeur : { $count } feuille.
   *[other] Classeur : { $count } feuilles.
}
cell-in-sheet = Ligne { $line } · { $column } · cellule { $cell } de { $sheet }
rows-summary = { $rows ->
        [one] { $rows } ligne
       *[other] { $rows } lignes
    } · { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    } · { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }
columns = Colonnes
column-other = (données personnalisées / non envoyé)
cell = Cellule
select-a-cell = Cliquez sur une cellule pour voir ses problèmes et la corriger.
cell-at = Ligne { $line } · { $column }
server-said = La boutique l’a refusé : { $message }
problems = Problèmes
errors-only = Lignes avec erreurs uniquement
summary-alike = { $count } × comme la ligne { $line } : { $message }
next-issue = Problème suivant (F8)
previous-issue = Précédent (Maj+F8)
find-replace = Rechercher et remplacer
in-column = Dans la colonne…
find = Rechercher
replace-with = Remplacer par
replace-all = Remplacer dans la colonne
replaced = { $count ->
    [one] { $count } cellule modifiée.
   *[other] { $count } cellules modifiées.
}
undo = Annuler
redo = Rétablir
save-corrected = Enregistrer le CSV corrigé
save-report = Enregistrer le rapport d’erreurs
save-corrected-xlsx = Fichier corrigé (.xlsx)
save-report-xlsx = Rapport avec cellules marquées (.xlsx)
saved-to = Enregistré dans { $path }
upload = Envoyer
upload-needs-store = Connectez une boutique (ou ouvrez la démo) pour envoyer.
upload-to = Envoyer { $rows } lignes à { $store }.
skip-invalid = { $count ->
    [one] Ignorer la ligne en erreur (listée dans le rapport)
   *[other] Ignorer les { $count } lignes en erreur (listées dans le rapport)
}
per-request = Lignes par requête
queue-hint = 100 au plus. Au-delà de 10, la boutique les met en file et les traite en arrière-plan.
start-upload = Lancer l’envoi
pause = Pause
resume = Reprendre
progress-line = { $requests } requêtes · { $created } créés · { $refused } refusés · { $pending } en attente · { $rate } lignes/min{ $left }
batch-line = Lot { $id } : { $status }, { $processed }/{ $total }
upload-done = { $created } créés, { $refused } refusés, { $skipped } ignorés, { $pending } non confirmés.
fix-then-retry = Corrigez les cellules rouges, puis renvoyez uniquement ces lignes.
already-created = { $count ->
    [one] { $count } ligne de ce fichier (ligne { $line }) a déjà été envoyée à cette boutique par l’envoi { $upload } (créée, ou encore en attente dans cet envoi).
   *[other] { $count } lignes de ce fichier (la première ligne { $line }) ont déjà été envoyées à cette boutique par l’envoi { $upload } (créées, ou encore en attente dans cet envoi).
} Poursuivez cet envoi depuis l’onglet Envois pour n’envoyer que le reste, envoyez seulement les autres lignes, ou créez-les à nouveau comme nouveaux enregistrements.
unreadable-journal = Le journal de l’envoi { $upload } est illisible ({ $reason }) : des lignes de ce fichier ont peut-être été envoyées par lui. Déplacez ce journal si vous êtes sûr que non, ou créez-les à nouveau comme nouveaux enregistrements.
skip-sent = Envoyer seulement les autres lignes
send-again = Les créer à nouveau aussi
busy-uploading = Un envoi est en cours : laissez-le finir ou annulez-le (il pourra reprendre) avant d’ouvrir ou de relire un fichier.
upload-again-hint = Envoyer ce fichier à nouveau créerait ses lignes une deuxième fois ; pour le faire exprès, rouvrez-le.
retry-refused = Envoyer les lignes corrigées
catalogue-fresh = Les SKU sont vérifiés avec le catalogue de la boutique ({ $count } produits, récupérés à l’instant).
catalogue-cached = La boutique est injoignable : les SKU sont vérifiés avec son catalogue enregistré il y a { $hours } h ({ $count } produits).
catalogue-unknown = Les SKU ne peuvent pas être vérifiés : le catalogue de la boutique est inconnu ({ $reason }).
uploads-title = Envois vers cette boutique
no-uploads = Aucun envoi depuis cet ordinateur pour l’instant.
upload-when = Commencé le
upload-file = Fichier
upload-rows = Lignes
upload-mode = Mode
upload-created = Créés
upload-refused = Refusés
upload-waiting = En attente
upload-state = État
upload-finished = terminé
upload-interrupted = interrompu
line-n = Ligne { $line } :
export-refused = Exporter les lignes refusées
resume-upload = Reprendre
upload-batches = Lots : { $ids }
refused-exported = { $count ->
    [one] { $count } ligne refusée écrite dans { $path }, avec une colonne d’erreurs.
   *[other] { $count } lignes refusées écrites dans { $path }, avec une colonne d’erreurs.
}
uploads-interrupted = { $count ->
    [one] { $count } envoi vers cette boutique s’est arrêté avant la fin : reprenez-le depuis l’onglet Envois.
   *[other] { $count } envois vers cette boutique se sont arrêtés avant la fin : reprenez-les depuis l’onglet Envois.
}
uploads-damaged = { $count ->
    [one] { $count } journal d’envoi de cette boutique est illisible : voir l’onglet Envois. Les lignes qu’il contient ne sont pas renvoyées sans vous demander.
   *[other] { $count } journaux d’envoi de cette boutique sont illisibles : voir l’onglet Envois. Les lignes qu’ils contiennent ne sont pas renvoyées sans vous demander.
}
upload-damaged = Envoi { $upload } : son journal est illisible ({ $reason }). Les lignes prévues comptent comme envoyées : un nouvel envoi des mêmes lignes est refusé, sauf si vous les créez à nouveau exprès.
online = En ligne
offline = Hors ligne
rate-budget = { $remaining }/{ $limit } requêtes restantes cette minute
demo-profile = Boutique de démo
theme-light = Clair
theme-dark = Sombre

settings = Réglages
settings-title = Réglages
settings-language = Langue
settings-theme = Thème
theme-system = Suivre le système
settings-folders = Emplacements
settings-config-folder = Réglages et choix de colonnes mémorisés
settings-data-folder = Journaux d’envoi, caches et journal de la fenêtre
open-folder = Ouvrir le dossier
settings-about = À propos
about-version = Console marchand WedoCOD { $version }
about-licences = Licence MIT. Polices : Noto Sans et Noto Sans Arabic (SIL Open Font License 1.1).
data-size = Le dossier de données occupe { $megabytes } Mo.

kind-leads = leads
kind-orders = commandes
detail-area = Quartier
detail-address = Adresse
detail-email = E-mail
detail-custom-data = Données personnalisées
detail-updated = Modifié le
detail-fees-paid-by = Frais de livraison payés par
fees-customer = le client
fees-store = la boutique
status-new = Nouvelle
status-confirmed = Confirmée
status-no_reply = Injoignable
status-call_later = À rappeler
status-cancelled = Annulée
status-canceled = Annulée
status-wrong_number = Faux numéro
status-duplicate = Doublon
status-shipped = Expédiée
status-delivered = Livrée
status-returned = Retournée
settings-log = Le journal de la fenêtre (à envoyer au support : il ne contient jamais le jeton)
open-log = Ouvrir le journal
export-estimate = { $requests ->
        [one] 1 requête
       *[other] environ { $requests } requêtes
    }, { $minutes ->
        [0] moins d’une minute
        [one] environ 1 minute
       *[other] environ { $minutes } minutes
    }
dialog-excel = Classeur Excel
dialog-csv-or-workbook = Fichier CSV ou classeur
close-while-uploading-title = Un envoi est en cours
close-while-uploading-body = Fermer la fenêtre quand même ? L’envoi s’arrête là où il en est et pourra reprendre depuis l’onglet Envois : aucune ligne n’est perdue ni envoyée deux fois.
close-anyway = Fermer quand même
upload-ended-title = Envoi terminé
export-ended-title = Export terminé
close-with-outcomes-title = Résultats pas encore envoyés
close-with-outcomes-body = { $count ->
    [one] Un résultat n’a pas atteint la boutique (elle l’a refusé ou demande d’attendre). Fermer quand même ? Ce lead garde son statut dans la boutique et reviendra dans la file de confirmation la prochaine fois.
   *[other] { $count } résultats n’ont pas atteint la boutique (elle les a refusés ou demande d’attendre). Fermer quand même ? Ces leads gardent leur statut dans la boutique et reviendront dans la file de confirmation la prochaine fois.
}
export-cancelled = L’export a été annulé : aucun fichier n’a été écrit.
export-pages-repeat = Le serveur a renvoyé la page { $page } : il semble ignorer la page demandée. Aucun fichier n’a été écrit.
export-too-many-pages = La liste a plus de { $ceiling } pages (le serveur en annonce { $announced }) : la console lit au plus { $ceiling } pages à la fois. Restreignez le filtre (un statut ou une recherche) et exportez à nouveau. Aucun fichier n’a été écrit.
export-write-failed = Impossible d’écrire { $path } : { $reason }

## Ce que le vérificateur de fichiers dit d’une cellule
label-full-name = nom complet
label-first-name = prénom
label-last-name = nom de famille
label-phone = téléphone
label-email = e-mail
label-city = ville
label-area = quartier
label-address = adresse
label-shipment-way = mode de livraison
label-fees = frais de livraison payés par le client
label-order-total = total de la commande
label-sku = SKU
label-quantity = quantité
label-unit-price = prix unitaire
label-product-total = total du produit
label-order-reference = référence de commande
label-product-sku = SKU du produit
label-product-price = prix du produit
label-column-header = en-tête de colonne
label-custom-value = valeur de « { $header } »
label-computed = { $wanted } calculé à partir du { $from }
check-required = Le champ « { $label } » est vide.
fix-required = Remplissez le champ « { $label } ».
check-missing-column = Aucune colonne ne contient le champ « { $label } ».
fix-missing-column = Ajoutez une colonne « { $name } », ou choisissez-en une avec --map { $name }=<en-tête de colonne>.
check-invalid-email = « { $value } » n’est pas une adresse e-mail.
fix-invalid-email = Écrivez-la comme nom@exemple.ma, ou laissez-la vide.
check-not-whole = Champ « { $label } » : « { $value } » n’est pas un nombre entier.
fix-not-whole = Écrivez un nombre entier de { $min } à { $max }.
check-not-amount = Champ « { $label } » : « { $value } » n’est pas un montant.
fix-not-amount = Écrivez un montant comme 149 ou 149,50.
check-out-of-range = Champ « { $label } » : { $value } est hors des limites permises, de { $min } à { $max }.
fix-out-of-range = Écrivez une valeur de { $min } à { $max }.
check-not-yes-no = Champ « { $label } » : « { $value } » n’est ni oui ni non.
fix-not-yes-no = Écrivez oui ou non (yes/no, نعم/لا et 1/0 marchent aussi).
check-too-short = Champ « { $label } » trop court : { $length ->
        [one] 1 caractère
       *[other] { $length } caractères
    }, au moins { $min }.
fix-too-short = Écrivez le champ « { $label } » en entier.
check-too-long = Champ « { $label } » trop long : { $length } caractères, { $max } au maximum.
fix-too-long = Raccourcissez-le à { $max } caractères.
check-too-many-cells = Cette ligne a { $count } cellules alors que l’en-tête en a { $width } : une valeur contient sans doute le séparateur sans être entre guillemets.
fix-too-many-cells = Mettez entre guillemets les valeurs qui contiennent le séparateur, ou supprimez les cellules en trop.
check-too-few-cells = Cette ligne n’a que { $count } des { $width } cellules de l’en-tête.
fix-too-few-cells = Cherchez un séparateur manquant ou une ligne coupée en deux.
check-nul = Cette cellule contient des caractères NUL invisibles.
fix-nul = Supprimez-les (le fichier corrigé les enlève).
check-phone-foreign = Le téléphone « { $value } » est un numéro étranger ({ $country } au lieu de { $region }).
fix-phone-foreign = Vérifiez que le client peut être joint pour la livraison.
check-phone-lost-zero = Le téléphone « { $value } » a perdu son 0 du début (Excel le supprime).
fix-phone-lost-zero = Écrivez { $national }.
check-phone-unknown-range = Le téléphone « { $value } » n’est pas dans une tranche de numéros { $region } connue : vérifiez-le.
fix-phone-unknown-range = La boutique l’accepte (de nouvelles tranches ouvrent avant d’être connues ici) ; assurez-vous que le client est joignable.
check-phone-letters = Le téléphone « { $value } » contient des lettres.
fix-phone-letters = Ne gardez que les chiffres du numéro.
check-phone-scientific = Excel a transformé le téléphone en « { $value } » et a perdu ses chiffres.
fix-phone-scientific = Mettez la colonne des téléphones au format Texte dans Excel et retapez les numéros.
check-phone-invalid = « { $value } » n’est pas un numéro de téléphone { $region } valide.
fix-phone-invalid = Un numéro valide ressemble à { $example }.
check-unknown-sku = Le SKU « { $sku } » n’est pas dans votre catalogue de produits.
fix-unknown-sku = Vérifiez l’orthographe, ou ajoutez d’abord le produit dans WedoCOD.
check-out-of-stock = « { $sku } » est en rupture de stock dans tous les entrepôts.
fix-out-of-stock = La ligne peut être envoyée, mais la commande risque d’être annulée : réapprovisionnez ou demandez un sourcing d’abord.
check-lead-no-product = Ce lead n’a aucun produit.
check-order-no-product = Cette commande n’a aucun produit.
fix-no-product = Indiquez le SKU (et la quantité) de ce que le client a commandé.
check-lead-too-many-products = Ce lead a { $count } produits, { $max } au maximum sont permis.
check-order-too-many-products = Cette commande a { $count } produits, { $max } au maximum sont permis.
fix-lead-too-many-products = Répartissez-le en plusieurs leads.
fix-order-too-many-products = Répartissez-la en plusieurs commandes.
check-too-many-extra-columns = { $count } colonnes supplémentaires sont remplies sur cette ligne ; { $max } au maximum peuvent être envoyées.
fix-too-many-extra-columns = Associez les colonnes utiles à des champs, ou supprimez les autres.
check-duplicate = Même téléphone et même produit qu’à la ligne { $line } : sans doute le même client deux fois.
fix-duplicate = Supprimez cette ligne ou la ligne { $line } s’il s’agit de la même commande.
check-encoding-guessed = L’encodage du fichier a été deviné ({ $encoding }) sans grande certitude.
fix-encoding-guessed = Si les noms sont illisibles, choisissez l’encodage avec --encoding (utf-8, windows-1252, windows-1256).
check-unclosed-quote = Un guillemet s’ouvre à la ligne { $line } et ne se ferme jamais : la suite du fichier a été lue comme une seule cellule.
fix-unclosed-quote = Ajoutez le guillemet fermant (") ou supprimez celui qui ouvre.

## Le rapport de `validate` dans le terminal
cli-label-file = Fichier :
cli-label-read-as = Lu comme :
cli-label-columns = Colonnes :
cli-label-not-sent = Non envoyé :
cli-label-rows = Lignes :
cli-read-as = { $encoding } ({ $source }), séparateur { $delimiter }, en-tête à la ligne { $line }
delimiter-tab = tabulation
cli-source-chosen = choisi
cli-source-bom = marque d’ordre des octets
cli-source-utf8 = UTF-8 valide
cli-source-guessed-sure = deviné, avec certitude
cli-source-guessed-unsure = deviné, sans certitude
cli-source-workbook = cellules du classeur
cli-close-spelling = (orthographe proche : à vérifier)
cli-extra-data-leads = Données en plus envoyées avec chaque lead : { $columns }
cli-extra-data-orders = Données en plus envoyées avec chaque commande : { $columns }
cli-rows = { $rows } lues, { $ready } prêtes à envoyer · { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }
cli-errors = Erreurs
cli-warnings = Avertissements
cli-in-column = dans « { $column } »
cli-issue-group = { $count }× { $what }, { $count ->
        [one] ligne
       *[other] lignes
    } { $lines }
cli-fix = À faire : { $fix }

## Les envois dans le terminal (et les raisons d’arrêt d’un envoi dans la fenêtre)
upload-invalid-rows = { $count ->
    [one] 1 ligne a des erreurs (ligne { $line }) : corrigez-la, ou laissez-la de côté avec --skip-invalid
   *[other] { $count } lignes ont des erreurs (la première à la ligne { $line }) : corrigez-les, ou laissez-les de côté avec --skip-invalid
}
upload-nothing-to-send = Le fichier n’a aucune ligne à envoyer.
upload-already-created = { $count ->
    [one] 1 ligne de ce fichier (ligne { $line }) a déjà été envoyée à cette boutique par l’envoi { $id } (créée, ou encore en attente)
   *[other] { $count } lignes de ce fichier (la première à la ligne { $line }) ont déjà été envoyées à cette boutique par l’envoi { $id } (créées, ou encore en attente)
} : reprenez cet envoi (--resume { $id }), envoyez seulement les autres lignes (--skip-sent), ou recréez-les comme nouveaux enregistrements (--again).
upload-offline = Le réseau est coupé ({ $reason }) ; l’envoi pourra être repris.
upload-cancelled = L’envoi a été annulé ; il pourra être repris.
upload-server-keeps-failing = Le serveur a échoué { $count } fois de suite (la dernière : { $last }) ; l’envoi s’est arrêté et pourra être repris.
activity-starting = démarrage
activity-sending = { $rows ->
    [one] envoi de { $rows } ligne
   *[other] envoi de { $rows } lignes
}
activity-looking-up = recherche des lignes dont le sort est inconnu
activity-batches = suivi des lots en file d’attente
activity-offline = hors ligne, nouvel essai
activity-done = terminé
outcome-created = créée
outcome-refused = refusée
outcome-uncertain = non confirmée
outcome-skipped = laissée de côté
outcome-pending = non envoyée
cli-upload-started = Envoi { $id } de { $file } (reprise avec --resume { $id })
cli-upload-summary = Envoi { $id } : { $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}, { $created } créées, { $refused } refusées, { $skipped } laissées de côté, { $uncertain } non confirmées, { $pending } non envoyées.
cli-upload-line = ligne { $line } : { $outcome }
cli-upload-resume-hint = Corrigez les lignes ci-dessus dans le fichier, puis envoyez seulement celles-ci avec : --resume { $id }
cli-rows-settled = lignes réglées
cli-progress = { $created } créées, { $refused } refusées, { $waiting } en attente, { $requests } requêtes, { $rate } lignes/min
cli-time-left = environ { $minutes } min restantes
cli-export-exists = { $path } existe déjà : choisissez un autre nom, ou ajoutez --overwrite
cli-page = page
cli-exporting = Export de { $count } { $kind } : { $estimate }
cli-export-rows = { $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}
cli-no-token-in-env = La variable d’environnement { $variable } ne contient aucun jeton.
cli-no-store = Aucune boutique : connectez-en une dans la fenêtre, ou donnez --base-url et --token-env.
cli-unknown-store = Aucune boutique ne s’appelle « { $name } ».
cli-keyring-failed = Le trousseau ne peut pas être lu : { $reason }

## Pourquoi un fichier ne peut pas être vérifié du tout
read-unknown-region = Région téléphonique inconnue « { $region } » : utilisez un code pays à deux lettres comme MA.
read-write-failed = Impossible d’écrire le fichier corrigé : { $reason }
read-io = Impossible de lire { $path } : { $reason }
read-empty = Le fichier est vide.
read-workbook = Le classeur ne peut pas être lu : { $reason }
read-workbook-part-too-large = Le classeur ne peut pas être lu : sa partie { $part } se décompresse en plus de { $limit } Mio, bien plus qu’aucun tableau de prospects ou de commandes. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau, ou enregistrez la feuille en « CSV UTF-8 ».
read-workbook-archive-too-large = Le classeur ne peut pas être lu : ses parties se décompressent en plus de { $limit } Mio au total, bien plus qu’aucun tableau de prospects ou de commandes. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau, ou enregistrez la feuille en « CSV UTF-8 ».
read-workbook-sheet-too-large = La feuille « { $sheet } » s’étend sur { $rows } lignes et { $columns } colonnes (de { $first } à { $last }) : la console lit au plus { $limit } cellules par feuille. Supprimez ce qui dépasse le tableau (une cellule isolée loin en bas ou à droite), ou enregistrez la feuille en « CSV UTF-8 ».
read-workbook-sheets-too-large = Le classeur ne peut pas être lu : ses feuilles s’étendent ensemble sur plus de { $limit } cellules, et la console les garde toutes en mémoire pour lire ce type de fichier. Supprimez les feuilles inutiles ou ce qui dépasse les tableaux, ou enregistrez la feuille en « CSV UTF-8 ».
read-spreadsheet = C’est un fichier { $format }, pas un fichier CSV : ouvrez-le et enregistrez-le en « CSV UTF-8 ».
read-binary = La ligne { $line } contient des données binaires (octets NUL ou caractères de contrôle) : ce n’est pas un fichier CSV.
read-no-header = Le fichier ne contient que des lignes vides.
read-header-only = Le fichier a un en-tête à la ligne { $line } mais aucune ligne en dessous.
read-unknown-encoding = Encodage inconnu « { $name } » : essayez utf-8, windows-1252 ou windows-1256.
read-csv = Ligne { $line } : la lecture du CSV s’est arrêtée : { $reason }
map-syntax = L’entrée --map « { $argument } » doit avoir la forme champ=En-tête de colonne
map-unknown-field = --map : champ inconnu « { $field } » (champs : full_name, phone, city, area, address, sku, quantity, price, line_total, sku_2…, group ; les commandes ajoutent email, total, shipment_way, is_fees_paid_by_customer)
map-no-column = --map { $field }=… : le fichier n’a pas de colonne « { $header } »
copy-diagnostics = Copier le diagnostic
diagnostics-hint = Pour le support : la version, le système, les dossiers et la fin du journal (jamais le jeton).
diagnostics-copied = Copié : collez-le dans votre message au support.

## Le bureau de confirmation
desk-tab = Confirmation
desk-closing = Envoi des derniers résultats de la confirmation ; la fenêtre se ferme dès que la boutique les a reçus.
desk-queue = File :
desk-tally = { $handled } traités · { $confirmed } confirmés · { $rate } par heure
desk-waiting = { $count ->
    [one] { $count } lead dans la file
   *[other] { $count } leads dans la file
}
desk-store-waits = La boutique demande d’attendre : les résultats partent dans { $seconds } s (continuez)
desk-done = Aucun lead en attente : la file est vide.
desk-refused = La boutique n’a pas pris le dernier résultat : { $reason }
desk-whatsapp = WhatsApp (W)
desk-call = Appeler (C)
desk-copy-phone = Copier le numéro (P)
desk-copied = Copié
desk-skip = Passer (S)
desk-undo = Annuler le dernier (U)
desk-whatsapp-template = Bonjour {"{"}name{"}"}, je vous contacte au sujet de votre commande de {"{"}products{"}"} ({"{"}total{"}"}) à livrer à {"{"}city{"}"}. Pouvez-vous la confirmer ?
settings-whatsapp = Le message WhatsApp du bureau de confirmation
settings-whatsapp-hint = {"{"}name{"}"}, {"{"}products{"}"}, {"{"}total{"}"} et {"{"}city{"}"} sont remplis pour chaque client ; vide : le message par défaut de la langue.

## La boutique en un coup d’œil
glance-tab = Tableau de bord
glance-title = La boutique en un coup d’œil
glance-as-of = au { $time }
glance-percent = { $percent } %
glance-confirmation = Leads confirmés (parmi ceux qui ont un résultat)
glance-delivery = Commandes livrées (parmi les livrées et les retournées)
glance-return = Commandes retournées

## Ce que le chargement des réglages a dû réparer
config-unreadable = Le fichier de réglages { $path } n’a pas pu être lu ({ $reason }) ; les réglages par défaut sont utilisés.
config-damaged = Le fichier de réglages est endommagé, les réglages par défaut sont donc utilisés : { $reason }
config-setting = Le réglage `{ $key }` n’a pas pu être lu ; sa valeur par défaut est utilisée.
config-profile-named = La boutique « { $name } » n’a pas pu être lue et a été laissée de côté.
config-profile-number = La boutique numéro { $position } n’a pas pu être lue et a été laissée de côté.
config-page-size = La taille de page { $given } n’est pas proposée ; elle a été mise à { $used }.
config-language = La langue « { $given } » n’est pas parlée par la console ; elle suit celle de l’ordinateur.
config-window = La taille ou la position enregistrée de la fenêtre n’a pas pu servir ; la fenêtre s’ouvre à sa taille habituelle.
config-desk-statuses = La file de confirmation nommait des statuts que les leads n’ont pas ({ $given }) ; ils ont été écartés.
config-profile-name = Une boutique (« { $name } ») a été laissée hors des réglages : { $reason }.
config-active-gone = La boutique « { $name } » ouverte en dernier n’existe plus ; aucune n’est ouverte.
config-copied = Le fichier endommagé a été copié dans { $path }.
config-copy-failed = Le fichier endommagé n’a pas pu être copié dans { $path } ({ $reason }) ; le prochain enregistrement le remplace.
cli-error = erreur : { $message }

## La copie locale (commandes sync et customer, barre d'état)
sync-busy = Une autre fenêtre ou commande synchronise déjà cette boutique.
sync-cancelled = La synchronisation a été arrêtée ; les pages lues sont gardées, la prochaine reprend de là.
sync-copy-failed = La copie locale ne peut pas être écrite : { $reason }
sync-set-aside = La copie locale était inutilisable ({ $reason }) ; elle a été mise de côté et reconstruite.
sync-progress = Synchronisation : page { $page } sur { $pages } · { $requests } requêtes
sync-counts = { $kind } : { $total } ({ $statuses })
sync-requests = { $requests } requêtes
customer-not-a-phone = « { $text } » n'est pas un numéro de téléphone.
customer-from-copy = La boutique n'a pas pu être synchronisée ({ $reason }) ; réponse tirée de la copie locale.
customer-no-copy = Il n'y a pas encore de copie locale de cette boutique : lancez `wedocod-console sync` une fois en ligne.
customer-summary = { $phone } : { $leads } prospects, { $orders } commandes, { $delivered } livrées, { $returned } retournées
copy-synced-at = synchronisé à { $time }
copy-offline-as-of = hors ligne, données de { $time }
copy-syncing = synchronisation…
desk-customer-orders = { $orders ->
    [0] Aucune commande précédente
    [one] 1 commande précédente : { $delivered } livrée, { $returned } retournée
   *[other] { $orders } commandes précédentes : { $delivered } livrées, { $returned } retournées
} · { $leads ->
    [0] aucun autre prospect
    [one] 1 autre prospect
   *[other] { $leads } autres prospects
}
desk-customer-returned = Ce numéro a retourné ou refusé { $returned } colis auparavant.
desk-customer-duplicate = Doublon probable de { $references } (même téléphone et même produit en moins de 72 h).
desk-duplicate-key = D le marque comme doublon.
filter-city = Ville
filter-product = Produit (SKU)
filter-from = Du (2026-12-01)
filter-to = Au (2026-12-31)
filter-clear = Effacer
filter-bad-date = « { $date } » n'est pas une date : écrivez 2026-12-01 ou 01/12/2026.
table-from-copy = Depuis la copie locale, synchronisée à { $time } : aucune requête, fonctionne hors ligne.
customer-past-title = Ce client
trends-from-copy = Depuis la copie locale : aucune requête. Cliquez une colonne ou une ligne pour ouvrir ses enregistrements.
trends-leads-per-day = Prospects par jour, 30 derniers jours (vert : confirmés)
trends-orders-per-day = Commandes par jour, 30 derniers jours (rouge : retournées)
trends-first-call = Délai entre un nouveau prospect et son premier appel (médiane)
trends-today = aujourd'hui
trends-this-week = 7 derniers jours
trends-minutes = { $minutes } min
trends-cities = Villes dont les commandes reviennent le plus
trends-products = Produits qui reviennent le plus
trends-no-returns = Aucune commande n'est revenue.
trends-returned-of = { $returned } retournées sur { $ended } ({ $percent } %)
trends-revenue = Chiffre d'affaires livré par semaine
desk-newest-first = Les plus récents d'abord
desk-arrived-title = Nouveaux prospects au poste d'appel
desk-arrived-body = { $count } nouveaux prospects ont rejoint la file.
copy-syncing-page = synchronisation : page { $page } sur { $pages }…
typed-path-title = Où enregistrer l'export
typed-path-why = Aucune fenêtre de choix de fichier ne peut s'ouvrir sur ce bureau (ni portail de bureau ni zenity) : tapez le chemin du fichier. Un nom finissant par .csv écrit un CSV ; tout autre, un classeur Excel.
typed-path-save = Enregistrer
typed-path-replace = Le remplacer
typed-path-empty = Tapez où enregistrer le fichier.
typed-path-exists = { $path } existe déjà : appuyez sur « Le remplacer » pour l'écraser, ou changez le nom.
typed-path-no-folder = Le dossier { $folder } n'existe pas.
no-file-dialog = Aucune fenêtre de choix de fichier ne peut s'ouvrir sur ce bureau (ni portail de bureau ni zenity) : tapez le chemin du fichier dans le champ ci-dessus, ou déposez le fichier sur la fenêtre.

## The seller tabs: products and stock, payouts, sourcing (issue 25)
products-tab = Produits
payouts-tab = Paiements
sourcing-tab = Sourcing
products-search = Chercher un produit par nom ou SKU (Ctrl+F)
products-count = { $count ->
    [one] 1 produit
   *[other] { $count } produits
} · { $low } en stock bas · { $out } en rupture
column-name = Nom
column-sku = SKU
column-price = Prix
column-stock = Stock
column-warehouses = Entrepôts
column-amount = Montant
column-payment-method = Mode de paiement
column-month = Mois
column-count = Factures
column-paid = Payé
column-quantity = Quantité
stock-low = bas
stock-out = rupture
stock-unknown = Stock inconnu (le jeton ne peut peut-être pas lire les stocks)
stock-warning-out = En rupture de stock : { $product }. La confirmer finira sans doute en annulation.
stock-warning-low = { $product } : il en restera { $left } après ce lead (alerte à { $warning }).
product-description = Description
product-discount = Remise
product-free-shipping = Livraison gratuite
yes = Oui
no = Non
payouts-count = { $count ->
    [one] 1 facture
   *[other] { $count } factures
}
payouts-invoices = { $count ->
    [one] 1 facture
   *[other] { $count } factures
}
payouts-all = Toutes les factures
payouts-by-month = Par mois
payouts-exported = { $count ->
    [one] 1 facture écrite dans { $path }.
   *[other] { $count } factures écrites dans { $path }.
}
status-paid = Payée
status-pending = En attente
status-processing = En traitement
status-in_progress = En cours
status-completed = Terminée
status-rejected = Refusée
status-active = Actif
status-inactive = Inactif
payment-bank_transfer = Virement bancaire
payment-cash = Espèces
payment-cheque = Chèque
sourcing-count = { $count ->
    [one] 1 demande de sourcing
   *[other] { $count } demandes de sourcing
}
sourcing-none = Aucune demande de sourcing pour l’instant.
sourcing-new = Nouvelle demande de sourcing
sourcing-why = Demandez à WedoCOD de trouver et stocker un produit pour vous. Le nom doit être nouveau : une demande déjà envoyée sous ce nom est refusée.
sourcing-name = Nom du produit
sourcing-quantity = Quantité (facultatif)
sourcing-note = Note (facultatif)
sourcing-send = Envoyer la demande
sourcing-sending = Envoi…
sourcing-sent = Demande { $reference } envoyée.
sourcing-name-needed = Donnez le nom du produit (3 caractères au moins).
sourcing-quantity-whole = Un nombre entier supérieur à 0.
