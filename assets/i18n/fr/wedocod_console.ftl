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
export-cancelled = L’export a été annulé : aucun fichier n’a été écrit.
export-pages-repeat = Le serveur a renvoyé la page { $page } : il semble ignorer la page demandée. Aucun fichier n’a été écrit.
export-write-failed = Impossible d’écrire { $path } : { $reason }
